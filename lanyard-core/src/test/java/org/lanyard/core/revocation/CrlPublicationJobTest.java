package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.jobs.JobContext;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.Schedule;
import org.lanyard.core.testing.MemoryIssuerStore;

/** The CRL job publishes every shard of every issuer, and one broken issuer neither stops nor hides. */
class CrlPublicationJobTest {

    final Revocations r = new Revocations(CrlWriterTest.SHARDED);
    final MemoryIssuerStore issuerStore = new MemoryIssuerStore();
    final Map<String, PublishedCrl> published = new HashMap<>();
    final PublishedCrls publishedCrls = new PublishedCrls() {
        @Override
        public void publish(PublishedCrl crl) {
            published.put(crl.issuerId() + "/" + crl.shard() + (crl.delta() ? "-delta" : ""), crl);
        }

        @Override
        public Optional<PublishedCrl> latest(String issuerId, int shard, boolean delta) {
            return Optional.ofNullable(published.get(issuerId + "/" + shard + (delta ? "-delta" : "")));
        }
    };
    final Issuers issuers = new Issuers(issuerStore, null) {
        @Override
        public ActiveIssuer resolve(String issuerId) {
            if (issuerId.equals(r.ca.issuing.issuer().id())) {
                return r.ca.issuing;
            }
            throw LanyardException.notFound("issuer-key-unavailable", "no key for " + issuerId);
        }
    };
    final CrlPublicationJob job = new CrlPublicationJob(issuerStore, issuers, id -> CrlWriterTest.SHARDED,
            new PublishCrls(r.crlWriter(), r.store, publishedCrls, r.clock), Schedule.every(
                    java.time.Duration.ofMinutes(1)));

    JobResult run() {
        return job.run(new JobContext(new JobRun("run", job.name(), "node-1", "schedule", null, r.clock.instant(),
                null, JobRun.Outcome.RUNNING, Map.of(), null)));
    }

    @Test
    void everyShardGetsItsFullAndDeltaCrlAndASecondRunMakesNoneWhileTheyAreFresh() {
        issuerStore.save(r.ca.issuing.issuer());

        JobResult first = run();

        int shards = CrlWriterTest.SHARDED.shards();
        assertThat(first.failed()).isFalse();
        assertThat(first.counts()).containsExactly(Map.entry("issuers", 1L), Map.entry("shards", (long) shards),
                Map.entry("crls", 2L * shards));
        assertThat(published).hasSize(2 * shards);
        assertThat(run().counts()).containsEntry("crls", 0L);
    }

    @Test
    void aBrokenIssuerIsReportedAndTheOthersArePublished() {
        Issuer good = r.ca.issuing.issuer();
        issuerStore.save(new Issuer("broken", "Broken CA", good.chain(), "missing-key", false, good.createdAt()));
        issuerStore.save(good);

        JobResult result = run();

        assertThat(result.failed()).isTrue();
        assertThat(result.counts()).containsEntry("issuers", 2L).containsEntry("failed", 1L)
                .containsEntry("crls", 2L * CrlWriterTest.SHARDED.shards());
        assertThat(result.details()).isEqualTo("issuer broken: no key for broken");
        assertThat(published.keySet()).allSatisfy(key -> assertThat(key).startsWith(good.id() + "/"));
        assertThat(List.copyOf(published.values())).isNotEmpty();
    }
}
