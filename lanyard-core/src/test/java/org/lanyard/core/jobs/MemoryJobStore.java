package org.lanyard.core.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lanyard.core.jobs.JobRun.Outcome;
import org.lanyard.core.testing.MemoryTransactions;

/** {@link JobStore} in memory, with the same compare-and-set semantics as the JDBC store; thread-safe. */
final class MemoryJobStore implements JobStore, MemoryTransactions.Participant {

    private final Map<String, JobState> rows = new TreeMap<>();
    private final Map<String, JobRun> runs = new LinkedHashMap<>();
    /** Counts claim attempts that lost the compare-and-set, to show that nodes really raced. */
    int lostClaims;

    @Override
    public synchronized JobState register(String name, String schedule, Instant firstDue) {
        JobState row = rows.get(name);
        if (row == null) {
            row = new JobState(name, schedule, firstDue, null, null, null, 0);
        } else if (!row.schedule().equals(schedule)) {
            row = new JobState(name, schedule, firstDue.isBefore(row.nextDueAt()) ? firstDue : row.nextDueAt(),
                    row.leaseOwner(), row.leaseExpiresAt(), row.runId(), row.version() + 1);
        }
        rows.put(name, row);
        return row;
    }

    @Override
    public synchronized Optional<JobState> find(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    @Override
    public synchronized List<JobState> list() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized boolean claim(JobState seen, JobRun run, Instant leaseUntil, Abandonment abandoned) {
        JobState row = rows.get(seen.name());
        if (row == null || row.version() != seen.version()) {
            lostClaims++;
            return false;
        }
        rows.put(row.name(), new JobState(row.name(), row.schedule(), row.nextDueAt(), run.node(), leaseUntil,
                run.id(), row.version() + 1));
        runs.put(run.id(), run);
        markAbandoned(abandoned);
        return true;
    }

    @Override
    public synchronized boolean abandon(JobState seen, Abandonment abandoned) {
        JobState row = rows.get(seen.name());
        if (row == null || row.version() != seen.version()) {
            return false;
        }
        rows.put(row.name(), new JobState(row.name(), row.schedule(), row.nextDueAt(), null, null, null,
                row.version() + 1));
        markAbandoned(abandoned);
        return true;
    }

    private void markAbandoned(Abandonment abandoned) {
        if (abandoned == null) {
            return;
        }
        JobRun run = runs.get(abandoned.runId());
        if (run != null && run.outcome() == Outcome.RUNNING) {
            runs.put(run.id(), run.finished(abandoned.at(), Outcome.ABANDONED, run.counts(), abandoned.details()));
        }
    }

    @Override
    public synchronized boolean renew(String job, String runId, Instant leaseUntil) {
        JobState row = rows.get(job);
        if (row == null || !runId.equals(row.runId())) {
            return false;
        }
        rows.put(job, new JobState(job, row.schedule(), row.nextDueAt(), row.leaseOwner(), leaseUntil, runId,
                row.version() + 1));
        return true;
    }

    @Override
    public synchronized boolean finish(JobRun run, Instant nextDue) {
        JobState row = rows.get(run.job());
        if (row == null || !run.id().equals(row.runId())) {
            return false;
        }
        rows.put(run.job(), new JobState(run.job(), row.schedule(), nextDue, null, null, null, row.version() + 1));
        if (runs.get(run.id()).outcome() == Outcome.RUNNING) {
            runs.put(run.id(), run);
        }
        return true;
    }

    @Override
    public synchronized boolean makeDue(String job, Instant at) {
        JobState row = rows.get(job);
        if (row == null || !row.nextDueAt().isAfter(at)) {
            return false;
        }
        rows.put(job, new JobState(job, row.schedule(), at, row.leaseOwner(), row.leaseExpiresAt(), row.runId(),
                row.version() + 1));
        return true;
    }

    @Override
    public synchronized List<JobRun> runs(String job, int limit) {
        List<JobRun> out = new ArrayList<>(runs.values().stream().filter(r -> r.job().equals(job)).toList());
        java.util.Collections.reverse(out);
        return out.stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<JobRun> run(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized List<JobRun> all(String job) {
        return runs.values().stream().filter(r -> r.job().equals(job))
                .sorted(Comparator.comparing(JobRun::startedAt)).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new TreeMap<>(rows), new LinkedHashMap<>(runs)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] s = (Object[]) snapshot;
        rows.clear();
        rows.putAll((Map<String, JobState>) s[0]);
        runs.clear();
        runs.putAll((Map<String, JobRun>) s[1]);
    }
}
