package org.lanyard.core.revocation;

import org.lanyard.core.Actor;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobContext;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.Schedule;

/**
 * Gives every issuer a valid delegated OCSP responder certificate ({@link RenewOcspSigner#renewIfDue}:
 * none valid, or past two thirds of its life). Runs at start, before the CRL job, so a node that
 * reports ready can answer OCSP. After a renewal {@code renewed} runs (the node reloads its OCSP
 * keys at once; other nodes within their reload interval).
 */
public final class OcspSignerRenewalJob implements Job {

    public static final String NAME = "ocsp-signer-renewal";

    private final IssuerStore issuerStore;
    private final RenewOcspSigner renew;
    private final Runnable renewed;
    private final Schedule schedule;

    public OcspSignerRenewalJob(IssuerStore issuerStore, RenewOcspSigner renew, Runnable renewed, Schedule schedule) {
        this.issuerStore = issuerStore;
        this.renew = renew;
        this.renewed = renewed;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public JobResult run(JobContext context) {
        JobResult.Tally tally = new JobResult.Tally("issuers", "renewed");
        for (Issuer issuer : issuerStore.list()) {
            tally.count("issuers");
            try {
                renew.renewIfDue(issuer.id(), Actor.SYSTEM).ifPresent(signer -> {
                    tally.count("renewed").note("issuer " + issuer.id() + ": new responder certificate "
                            + signer.keyAlias());
                    renewed.run();
                });
            } catch (RuntimeException e) {
                tally.failure("issuer " + issuer.id() + ": " + e.getMessage());
            }
        }
        return tally.result();
    }
}
