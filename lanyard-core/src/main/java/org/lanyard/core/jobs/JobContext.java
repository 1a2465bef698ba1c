package org.lanyard.core.jobs;

/** What a running job may ask the runner: which run it is, and whether it still holds the lease. */
public final class JobContext {

    private final JobRun run;
    private volatile boolean leaseLost;

    /** Runners make these; tests and tools that run a job by hand may too. */
    public JobContext(JobRun run) {
        this.run = run;
    }

    public JobRun run() {
        return run;
    }

    /**
     * The lease could not be renewed (the database is unreachable, or another node took the job
     * over after this node looked dead). Work done from now on may overlap another node's run.
     */
    public boolean leaseLost() {
        return leaseLost;
    }

    void loseLease() {
        leaseLost = true;
    }
}
