package org.lanyard.app;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lanyard.core.Actor;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.revocation.CrlWriter;
import org.lanyard.core.revocation.OcspResponder;
import org.lanyard.core.revocation.OcspSettings;
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
 * responder, CRL publication and the jobs that keep CRLs and the OCSP responder certificate
 * fresh. After a revocation commits, the shard's CRLs are made again promptly and the local
 * OCSP cache entry is dropped (docs/flows/revocation.md).
 */
public final class Validation implements AutoCloseable {

    private final Database database;
    private final Publication publication;
    private final RevokeCertificate revoke;
    private final ResumeCertificate resume;
    private final OcspResponder responder;
    private final OcspKeys ocspKeys;
    private final RevocationJobs jobs;
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
        this.jobs = new RevocationJobs(database.issuers(), issuers, publication, publish,
                new RenewOcspSigner(issue, issuers, vault, r.ocspSigners(), clock), ocspKeys);
    }

    /** Starts the jobs: OCSP responder certificates and CRLs are made before this returns, then kept fresh. */
    public void startJobs() {
        jobsStarted = true;
        jobs.start(settings.jobInterval());
    }

    /** Runs the periodic work once, synchronously (tests, and the first start). */
    public void runJobsNow() {
        jobs.tick();
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
