package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/**
 * An operator's "run it now": a job this node runs is started at once under its lease (the run is
 * returned while it runs); a job of another node (a node's own cache job) is made due, and that
 * node runs it on its next tick. Either way the request and its run are audited together.
 */
public final class RunJobNow {

    /**
     * @param run   the run started on this node; null when the job's own node will run it
     * @param dueAt when the job is due now
     */
    public record Requested(String job, @Nullable JobRun run, Instant dueAt) {
    }

    private final JobRunner runner;
    private final JobStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public RunJobNow(JobRunner runner, JobStore store, Transactions transactions, AuditTrail audit, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws LanyardException {@code job-unknown} (404); {@code job-running} (409) while a run of
     *                          the job holds the lease
     */
    public Requested run(String job, Actor actor) {
        if (runner.runsHere(job)) {
            JobRunner.Claim claim = transactions.inTransaction(() -> {
                JobRunner.Claim c = runner.claimNow(job, "manual: " + actor.name());
                audit.record(actor, "job.run-started", job, Map.of("run", c.run().id(), "node", runner.node()));
                return c;
            });
            runner.launch(claim); // after the commit: the worker renews a lease other nodes can see
            return new Requested(job, claim.run(), claim.run().startedAt());
        }
        return transactions.inTransaction(() -> {
            JobState state = store.find(job).orElseThrow(() -> LanyardException.notFound("job-unknown",
                    "there is no job '" + job + "'"));
            store.makeDue(job, clock.instant());
            Instant due = store.find(job).orElse(state).nextDueAt(); // as stored
            audit.record(actor, "job.run-requested", job, Map.of("due", due.toString(), "schedule", state.schedule()));
            return new Requested(job, null, due);
        });
    }
}
