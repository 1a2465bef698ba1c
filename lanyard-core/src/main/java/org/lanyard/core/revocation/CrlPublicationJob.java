package org.lanyard.core.revocation;

import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobContext;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.Schedule;

/**
 * Keeps every issuer's CRL shards fresh ({@link PublishCrls#refresh}): a shard's full and delta
 * CRLs are made again when half their validity has passed or the shard changed (also by another
 * node or the offline CLI). Runs at start, so a node that reports ready serves CRLs. One shard's
 * failure is recorded and the others still run. See docs/flows/revocation.md and docs/flows/jobs.md.
 */
public final class CrlPublicationJob implements Job {

    public static final String NAME = "crl-publication";

    private final IssuerStore issuerStore;
    private final Issuers issuers;
    private final CrlPolicies policies;
    private final PublishCrls publish;
    private final Schedule schedule;

    public CrlPublicationJob(IssuerStore issuerStore, Issuers issuers, CrlPolicies policies, PublishCrls publish,
            Schedule schedule) {
        this.issuerStore = issuerStore;
        this.issuers = issuers;
        this.policies = policies;
        this.publish = publish;
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
        JobResult.Tally tally = new JobResult.Tally("issuers", "shards", "crls");
        for (Issuer record : issuerStore.list()) {
            if (context.leaseLost()) {
                return tally.failure("stopped: the lease was lost").result();
            }
            tally.count("issuers");
            try {
                CrlPolicy policy = policies.of(record.id());
                ActiveIssuer issuer = issuers.resolve(record.id());
                for (int shard = 0; shard < policy.shards(); shard++) {
                    try {
                        tally.add("crls", publish.refresh(issuer, policy, shard, false)).count("shards");
                    } catch (RuntimeException e) {
                        tally.failure("issuer " + record.id() + " shard " + shard + ": " + e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                tally.failure("issuer " + record.id() + ": " + e.getMessage());
            }
        }
        return tally.result();
    }
}
