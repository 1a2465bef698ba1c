package org.lanyard.app.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.JobState;
import org.lanyard.core.jobs.JobStore;

/** A {@link JobStore} that reports each run this node finishes, and each run it finds abandoned, to {@link Metrics}. */
public final class MeteredJobStore implements JobStore {

    private final JobStore store;
    private final Metrics metrics;

    public MeteredJobStore(JobStore store, Metrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public JobState register(String name, String schedule, Instant firstDue) {
        return store.register(name, schedule, firstDue);
    }

    @Override
    public Optional<JobState> find(String name) {
        return store.find(name);
    }

    @Override
    public List<JobState> list() {
        return store.list();
    }

    @Override
    public boolean claim(JobState seen, JobRun run, Instant leaseUntil, @Nullable Abandonment abandoned) {
        boolean claimed = store.claim(seen, run, leaseUntil, abandoned);
        if (claimed && abandoned != null) {
            metrics.jobRun(seen.name(), "abandoned", Duration.ZERO);
        }
        return claimed;
    }

    @Override
    public boolean abandon(JobState seen, Abandonment abandoned) {
        boolean done = store.abandon(seen, abandoned);
        if (done) {
            metrics.jobRun(seen.name(), "abandoned", Duration.ZERO);
        }
        return done;
    }

    @Override
    public boolean renew(String job, String runId, Instant leaseUntil) {
        return store.renew(job, runId, leaseUntil);
    }

    @Override
    public boolean finish(JobRun run, Instant nextDue) {
        boolean finished = store.finish(run, nextDue);
        if (finished) {
            Duration took = run.finishedAt() != null && run.startedAt() != null
                    ? Duration.between(run.startedAt(), run.finishedAt()) : Duration.ZERO;
            metrics.jobRun(run.job(), run.outcome().name().toLowerCase(Locale.ROOT), took);
        }
        return finished;
    }

    @Override
    public boolean makeDue(String job, Instant at) {
        return store.makeDue(job, at);
    }

    @Override
    public List<JobRun> runs(String job, int limit) {
        return store.runs(job, limit);
    }

    @Override
    public Optional<JobRun> run(String id) {
        return store.run(id);
    }
}
