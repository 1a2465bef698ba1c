package org.lanyard.app;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lanyard.core.Actor;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.Schedule;
import org.lanyard.core.revocation.CrlPublicationJob;
import org.lanyard.core.revocation.CrlWriter;
import org.lanyard.core.revocation.OcspPresignJob;
import org.lanyard.core.revocation.OcspResponder;
import org.lanyard.core.revocation.OcspSettings;
import org.lanyard.core.revocation.OcspSignerRenewalJob;
import org.lanyard.core.revocation.PublishCrls;
import org.lanyard.core.revocation.PublishedCrl;
import org.lanyard.core.revocation.RenewOcspSigner;
import org.lanyard.core.revocation.ResumeCertificate;
import org.lanyard.core.revocation.Revocation;
import org.lanyard.core.revocation.RevocationChange;
import org.lanyard.core.revocation.RevocationReason;
import org.lanyard.core.revocation.RevokeCertificate;
import org.lanyard.store.Database;
import org.lanyard.store.Revocations;

/**
 * The validation authority (DESIGN.md §2, VA) wired to the store: revoke and resume, the OCSP
 * responder, CRL publication and the jobs that keep CRLs, the OCSP responder certificate and the
 * OCSP cache fresh ({@link #jobs}, run by the composition root's job runner). After a revocation
 * commits, the shard's CRLs are made again promptly and the local OCSP cache entry is dropped
 * (docs/flows/revocation.md).
 */
public final class Validation implements AutoCloseable {

    private final Database database;
    private final Publication publication;
    private final RevokeCertificate revoke;
    private final ResumeCertificate resume;
    private final OcspResponder responder;
    private final OcspKeys ocspKeys;
    private final RevocationJobs jobs;
    private final Issuers issuers;
    private final PublishCrls publish;
    private final RenewOcspSigner renewOcsp;
    private final PublicationSettings settings;
    private volatile boolean jobsStarted;

    Validation(Database database, PublicationSettings settings, Publication publication, Issuers issuers,
            IssueCertificate issue, KeyVault vault, AuditTrail audit, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.publication = publication;
        Revocations r = database.revocations();
        this.revoke = new RevokeCertificate(database.certificates(), r.statuses(), r.revocations(), publication,
                database.transactions(), audit, clock);
        this.resume = new ResumeCertificate(database.certificates(), r.statuses(), r.revocations(),
                database.transactions(), audit, clock);
        this.ocspKeys = new OcspKeys(database.issuers(), r.ocspSigners(), vault, clock, Duration.ofMinutes(1));
        this.responder = new OcspResponder(ocspKeys, database.certificates(), r.revocations(), clock,
                OcspSettings.defaults());
        PublishCrls publish = new PublishCrls(new CrlWriter(r.revocations(), clock, null), r.revocations(),
                r.publishedCrls(), clock);
        this.issuers = issuers;
        this.publish = publish;
        this.renewOcsp = new RenewOcspSigner(issue, issuers, vault, r.ocspSigners(), clock);
        this.jobs = new RevocationJobs(issuers, publication, publish);
    }

    /**
     * The validation jobs of node {@code node}, in the order a starting node runs them: the OCSP
     * responder certificates, then CRLs (both every {@code LANYARD_JOB_INTERVAL}, and at start),
     * then this node's OCSP pre-signing.
     */
    public List<Job> jobs(String node, Duration presignInterval) {
        Schedule every = Schedule.every(settings.jobInterval());
        return List.of(
                new OcspSignerRenewalJob(database.issuers(), renewOcsp, ocspKeys::reload, every),
                new CrlPublicationJob(database.issuers(), issuers, publication, publish, every),
                new OcspPresignJob(node, responder, presignInterval));
    }

    /** Turns on the prompt CRL refresh after revocations on this node (the server; the offline CLI leaves it off). */
    public void startJobs() {
        jobsStarted = true;
    }

    public Revocation revoke(BigInteger serial, RevocationReason reason, Instant invalidityDate, Actor actor) {
        Revocation revocation = revoke.revoke(serial, reason, invalidityDate, actor);
        responder.invalidate(revocation.issuerId(), serial);
        if (jobsStarted) { // offline (the CLI), the server's next run notices the change
            jobs.shardChanged(revocation.issuerId(), revocation.shard());
        }
        return revocation;
    }

    public RevocationChange resume(BigInteger serial, Actor actor) {
        RevocationChange change = resume.resume(serial, actor);
        responder.invalidate(change.issuerId(), serial);
        if (jobsStarted) {
            jobs.shardChanged(change.issuerId(), change.shard());
        }
        return change;
    }

    public Optional<Revocation> revocation(String issuerId, BigInteger serial) {
        return database.revocations().revocations().find(issuerId, serial);
    }

    public OcspResponder responder() {
        return responder;
    }

    public Optional<PublishedCrl> crl(String issuerId, int shard, boolean delta) {
        return database.revocations().publishedCrls().latest(issuerId, shard, delta);
    }

    public Publication publication() {
        return publication;
    }

    @Override
    public void close() {
        jobs.close();
    }
}
