package org.lanyard.core.jobs;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Periodic work that must happen once per due time across the cluster, whichever node does it
 * (DESIGN.md §5, invariant 7). The {@link JobRunner} decides when and where; the job only does the
 * work and says what it did. Work that must happen on every node (a node's own cache) is a job
 * per node, named after the node.
 */
public interface Job {

    /** Letters, digits and {@code . _ @ -}: it appears in URLs ({@code /api/v1/jobs/{name}}). */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    String name();

    Schedule schedule();

    /**
     * Whether a starting node runs this job before it reports ready (or waits for the run another
     * node has in progress): for work without which the node should not serve, such as CRLs.
     */
    default boolean runsAtStart() {
        return false;
    }

    /**
     * Does the work. Failures of single items belong in the result ({@link JobResult.Tally}); a
     * thrown exception fails the run with its message as details. A long job should stop early
     * when {@link JobContext#leaseLost()}: another node may take it over.
     */
    JobResult run(JobContext context);

    static Job of(String name, Schedule schedule, boolean runsAtStart, Function<JobContext, JobResult> work) {
        checkName(name);
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Schedule schedule() {
                return schedule;
            }

            @Override
            public boolean runsAtStart() {
                return runsAtStart;
            }

            @Override
            public JobResult run(JobContext context) {
                return work.apply(context);
            }

            @Override
            public String toString() {
                return name + " (" + schedule.describe() + ")";
            }
        };
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("job names are letters, digits and . _ @ -, not '" + name + "'");
        }
        return name;
    }
}
