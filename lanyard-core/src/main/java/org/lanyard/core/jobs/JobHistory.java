package org.lanyard.core.jobs;

import java.util.List;
import org.lanyard.core.LanyardException;

/** What the jobs did: every job with its next due time and newest run, and each job's runs. */
public final class JobHistory {

    public static final int MAX_RUNS = 100;

    private final JobStore store;

    public JobHistory(JobStore store) {
        this.store = store;
    }

    /** Every job of the cluster, by name. */
    public List<JobOverview> jobs() {
        return store.list().stream().map(this::overview).toList();
    }

    /** @throws LanyardException {@code job-unknown} (404) */
    public JobOverview job(String name) {
        return overview(state(name));
    }

    /**
     * The job's newest runs first.
     *
     * @throws LanyardException {@code job-unknown} (404); {@code limit-invalid} (400) outside 1…{@value #MAX_RUNS}
     */
    public List<JobRun> runs(String name, int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw LanyardException.invalid("limit-invalid", "limit must be between 1 and " + MAX_RUNS);
        }
        state(name);
        return store.runs(name, limit);
    }

    /** @throws LanyardException {@code job-unknown}, {@code job-run-unknown} (404) */
    public JobRun run(String name, String id) {
        state(name);
        return store.run(id).filter(r -> r.job().equals(name)).orElseThrow(() -> LanyardException.notFound(
                "job-run-unknown", "job '" + name + "' has no run '" + id + "'"));
    }

    private JobState state(String name) {
        return store.find(name).orElseThrow(() -> LanyardException.notFound("job-unknown",
                "there is no job '" + name + "'"));
    }

    private JobOverview overview(JobState s) {
        JobRun last = store.runs(s.name(), 1).stream().findFirst().orElse(null);
        return new JobOverview(s.name(), s.schedule(), s.nextDueAt(), s.leaseOwner(), s.leaseExpiresAt(), last);
    }
}
