package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.lanyard.core.jobs.JobContext;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.JobRun;

/** The per-node pre-signing job keeps cached OCSP responses served from the cache past their refresh point. */
class OcspPresignJobTest {

    final Revocations r = new Revocations(CrlWriterTest.SHARDED);
    final OcspResponder responder = r.ocspResponder(r.ocspKey());
    final OcspPresignJob job = new OcspPresignJob("node 1", responder, Duration.ofHours(1));

    JobResult run() {
        return job.run(new JobContext(new JobRun("run", job.name(), "node-1", "schedule", null, r.clock.instant(),
                null, JobRun.Outcome.RUNNING, Map.of(), null)));
    }

    @Test
    void responsesNearTheirRefreshPointAreSignedAgainForTheSameCertIdAndServedFromTheCache() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        byte[] sha1 = OcspClient.request(r.ca.issuing.issuer().certificate(), serial, null);
        byte[] sha256 = OcspClient.request(r.ca.issuing.issuer().certificate(), serial, null, true);
        responder.respond(sha1);
        responder.respond(sha256);

        assertThat(run().counts()).as("nothing is near its refresh point (12 h before nextUpdate, 24 h)")
                .containsExactly(Map.entry("signed", 0L), Map.entry("dropped", 0L), Map.entry("cached", 2L));

        r.clock.advance(Duration.ofHours(11).plusMinutes(30)); // refresh point within the next hour
        JobResult refreshed = run();

        assertThat(refreshed.counts()).containsEntry("signed", 2L).containsEntry("dropped", 0L);
        assertThat(refreshed.failed()).isFalse();
        r.clock.advance(Duration.ofMinutes(45)); // past the old responses' refresh point
        OcspResponse served = responder.respond(sha256);
        assertThat(served.fromCache()).as("pre-signed, not signed on the request").isTrue();
        assertThat(served.thisUpdate()).isEqualTo(Revocations.START.plus(Duration.ofHours(11).plusMinutes(30)));
        assertThat(OcspClient.basic(served).getResponses()[0].getCertID().getHashAlgOID())
                .isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(responder.respond(sha1).fromCache()).isTrue();
    }

    @Test
    void theJobIsNamedAfterItsNodeInAUrlSafeForm() {
        assertThat(job.name()).isEqualTo("ocsp-presign@node-1");
        assertThat(job.runsAtStart()).isFalse();
        assertThat(job.schedule().describe()).isEqualTo("every PT1H");
    }
}
