package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs and their runs, shared by every node (the database). The lease on a job is a row changed
 * only by compare-and-set, so one node wins however many try; every change of the row and the
 * run records it implies commit together. See docs/flows/jobs.md.
 */
public interface JobStore {

    /**
     * Adds the job's row, free and due at {@code firstDue}, when there is none. When there is one
     * whose schedule text differs, stores the new text and brings the next due time forward to
     * {@code firstDue} if that is sooner (a shorter interval takes effect at once).
     */
    JobState register(String name, String schedule, Instant firstDue);

    Optional<JobState> find(String name);

    /** Every job's row, by name (also jobs this node does not run). */
    List<JobState> list();

    /**
     * Takes the lease, in one transaction, if the row is still at {@code seen.version()}: the row
     * names {@code run.node()} and {@code run.id()} until {@code leaseUntil}; {@code run} is
     * recorded; {@code abandoned}, when given, is marked ABANDONED if it is still RUNNING.
     *
     * @return false, changing nothing, when the row changed since {@code seen} (another node won)
     */
    boolean claim(JobState seen, JobRun run, Instant leaseUntil, @Nullable Abandonment abandoned);

    /** Frees an expired lease and marks its run ABANDONED, by compare-and-set as {@link #claim}. */
    boolean abandon(JobState seen, Abandonment abandoned);

    /** Extends the lease to {@code leaseUntil} while run {@code runId} holds it; false once it does not. */
    boolean renew(String job, String runId, Instant leaseUntil);

    /**
     * While {@code run} holds the lease: records its end (outcome, counts, details, finishedAt),
     * frees the lease and sets the next due time, in one transaction.
     *
     * @return false, changing nothing, when the run lost the lease (it was marked abandoned)
     */
    boolean finish(JobRun run, Instant nextDue);

    /** Sets the job's next due time to {@code at} when it is later than that; false when not (or no job). */
    boolean makeDue(String job, Instant at);

    /** The job's newest runs first, at most {@code limit}. */
    List<JobRun> runs(String job, int limit);

    Optional<JobRun> run(String id);

    /** A run whose node stopped renewing its lease, as the node that noticed describes it. */
    record Abandonment(@Nullable String runId, Instant at, String details) {
    }
}
