package org.lanyard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.JobState;
import org.lanyard.core.jobs.JobStore;

/**
 * Jobs in {@code jobs} and their runs in {@code job_runs} (V4). The lease is an
 * {@code UPDATE ... WHERE version = ?}: under concurrent updates of the row both databases make the
 * second wait for the first and then find the version changed, so it updates nothing.
 */
final class JdbcJobStore implements JobStore {

    private static final String JOB = "SELECT name, schedule, next_due, lease_owner, lease_expires, run_id, version"
            + " FROM jobs";
    private static final String RUN = "SELECT id, job_name, node, triggered_by, due_at, started_at, finished_at,"
            + " outcome, counts, details FROM job_runs";

    private final Sql sql;

    JdbcJobStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts under a savepoint: when another node inserted the row first, its row stands. */
    @Override
    public JobState register(String name, String schedule, Instant firstDue) {
        return sql.with("register a job", c -> {
            Optional<JobState> existing = find(c, name);
            if (existing.isEmpty()) {
                Savepoint savepoint = c.setSavepoint();
                try {
                    Sql.update(c, "INSERT INTO jobs (name, schedule, next_due, version) VALUES (?, ?, ?, 0)", name,
                            schedule, firstDue);
                    c.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    c.rollback(savepoint);
                    if (!StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            } else if (!existing.get().schedule().equals(schedule)) {
                JobState row = existing.get();
                Instant due = firstDue.isBefore(row.nextDueAt()) ? firstDue : row.nextDueAt();
                Sql.update(c, "UPDATE jobs SET schedule = ?, next_due = ?, version = version + 1"
                        + " WHERE name = ? AND version = ?", schedule, due, name, row.version());
            }
            return find(c, name).orElseThrow();
        });
    }

    @Override
    public Optional<JobState> find(String name) {
        return sql.with("find a job", c -> find(c, name));
    }

    private static Optional<JobState> find(Connection c, String name) throws SQLException {
        return Sql.list(c, JOB + " WHERE name = ?", JdbcJobStore::job, name).stream().findFirst();
    }

    @Override
    public List<JobState> list() {
        return sql.list("list jobs", JOB + " ORDER BY name", JdbcJobStore::job);
    }

    @Override
    public boolean claim(JobState seen, JobRun run, Instant leaseUntil, Abandonment abandoned) {
        return sql.with("claim a job", c -> {
            int taken = Sql.update(c, "UPDATE jobs SET lease_owner = ?, lease_expires = ?, run_id = ?,"
                    + " version = version + 1 WHERE name = ? AND version = ?", run.node(), leaseUntil, run.id(),
                    seen.name(), seen.version());
            if (taken == 0) {
                return false;
            }
            Sql.update(c, "INSERT INTO job_runs (id, job_name, node, triggered_by, due_at, started_at, outcome,"
                    + " counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.id(), run.job(), run.node(), run.trigger(),
                    run.dueAt(), run.startedAt(), run.outcome(), counts(run.counts()));
            markAbandoned(c, abandoned);
            return true;
        });
    }

    @Override
    public boolean abandon(JobState seen, Abandonment abandoned) {
        return sql.with("free an expired job lease", c -> {
            int freed = Sql.update(c, "UPDATE jobs SET lease_owner = NULL, lease_expires = NULL, run_id = NULL,"
                    + " version = version + 1 WHERE name = ? AND version = ?", seen.name(), seen.version());
            if (freed == 0) {
                return false;
            }
            markAbandoned(c, abandoned);
            return true;
        });
    }

    private static void markAbandoned(Connection c, Abandonment abandoned) throws SQLException {
        if (abandoned != null) {
            Sql.update(c, "UPDATE job_runs SET outcome = ?, finished_at = ?, details = ? WHERE id = ? AND outcome = ?",
                    JobRun.Outcome.ABANDONED, abandoned.at(), abandoned.details(), abandoned.runId(),
                    JobRun.Outcome.RUNNING);
        }
    }

    @Override
    public boolean renew(String job, String runId, Instant leaseUntil) {
        return sql.update("renew a job lease", "UPDATE jobs SET lease_expires = ?, version = version + 1"
                + " WHERE name = ? AND run_id = ?", leaseUntil, job, runId) == 1;
    }

    @Override
    public boolean finish(JobRun run, Instant nextDue) {
        return sql.with("record the end of a job run", c -> {
            int released = Sql.update(c, "UPDATE jobs SET lease_owner = NULL, lease_expires = NULL, run_id = NULL,"
                    + " next_due = ?, version = version + 1 WHERE name = ? AND run_id = ?", nextDue, run.job(),
                    run.id());
            if (released == 0) {
                return false;
            }
            Sql.update(c, "UPDATE job_runs SET finished_at = ?, outcome = ?, counts = ?, details = ?"
                    + " WHERE id = ? AND outcome = ?", run.finishedAt(), run.outcome(), counts(run.counts()),
                    run.details(), run.id(), JobRun.Outcome.RUNNING);
            return true;
        });
    }

    @Override
    public boolean makeDue(String job, Instant at) {
        return sql.update("make a job due", "UPDATE jobs SET next_due = ?, version = version + 1"
                + " WHERE name = ? AND next_due > ?", at, job, at) == 1;
    }

    @Override
    public List<JobRun> runs(String job, int limit) {
        return sql.list("list job runs", RUN + " WHERE job_name = ? ORDER BY row_id DESC LIMIT ?", JdbcJobStore::run,
                job, limit);
    }

    @Override
    public Optional<JobRun> run(String id) {
        return sql.one("find a job run", RUN + " WHERE id = ?", JdbcJobStore::run, id);
    }

    private static JobState job(ResultSet r) throws SQLException {
        return new JobState(r.getString("name"), r.getString("schedule"), Sql.instant(r, "next_due"),
                r.getString("lease_owner"), Sql.instant(r, "lease_expires"), r.getString("run_id"),
                r.getLong("version"));
    }

    private static JobRun run(ResultSet r) throws SQLException {
        return new JobRun(r.getString("id"), r.getString("job_name"), r.getString("node"), r.getString("triggered_by"),
                Sql.instant(r, "due_at"), Sql.instant(r, "started_at"), Sql.instant(r, "finished_at"),
                JobRun.Outcome.valueOf(r.getString("outcome")), counts(r.getString("counts")), r.getString("details"));
    }

    /** {@code name=value,...}; names are lower-case words with dashes ({@code JobResult}). */
    static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<String, Long> counts(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                counts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return counts;
    }
}
