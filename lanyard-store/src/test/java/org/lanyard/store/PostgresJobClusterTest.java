package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.JobRun.Outcome;
import org.lanyard.core.jobs.JobRunner;
import org.lanyard.core.jobs.JobSettings;
import org.lanyard.core.jobs.JobState;
import org.lanyard.core.jobs.Schedule;

/**
 * The acceptance test of docs/flows/jobs.md: nodes of one cluster on one PostgreSQL database,
 * each with its own connection pool and runner, as in production. A due job runs exactly once per
 * due time, never twice at once; a node killed (SIGKILL) in the middle of a run leaves that run
 * marked abandoned once its lease expires, and a surviving node runs the job itself.
 */
class PostgresJobClusterTest {

    private Optional<String> unavailable;
    private String url;
    private String name;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        unavailable = TestDatabase.unavailable(TestDatabase.Target.POSTGRES);
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.get());
        name = "lanyard_jobs_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + name);
        url = TestDatabase.withDatabase(System.getenv("LANYARD_TEST_PG_URL"), name);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        if (name != null) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private Database node() {
        Database database = Database.open(url, user(), password(), 3);
        open.add(database);
        return database;
    }

    private JobRunner runner(Database database, String node, JobSettings settings) {
        JobRunner runner = new JobRunner(database.jobs(), node, Clock.systemUTC(), settings);
        open.add(runner);
        return runner;
    }

    @Test
    @Timeout(60)
    void aDueJobRunsOncePerDueTimeAcrossTwoNodesAndNeverTwiceAtOnce() throws Exception {
        Duration interval = Duration.ofMillis(400);
        JobSettings settings = new JobSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(20));
        AtomicInteger executions = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Database a = node();
        Database b = node();
        JobRunner onA = runner(a, "node-a", settings);
        JobRunner onB = runner(b, "node-b", settings);
        for (JobRunner runner : List.of(onA, onB)) {
            runner.add(Job.of("publish", Schedule.every(interval), false, context -> {
                mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                executions.incrementAndGet();
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    concurrent.decrementAndGet();
                }
                return JobResult.succeeded(Map.of("items", 1L), null);
            }));
        }
        Instant firstDue = a.jobs().find("publish").orElseThrow().nextDueAt();

        onA.start();
        onB.start();
        Thread.sleep(8_000);
        onA.close();
        onB.close();

        List<JobRun> runs = new ArrayList<>(a.jobs().runs("publish", 100));
        runs.sort(Comparator.comparing(JobRun::startedAt));
        assertThat(runs).as("about one per 400 ms in 8 s").hasSizeGreaterThanOrEqualTo(10);
        assertThat(runs).as("one record per execution").hasSize(executions.get());
        assertThat(mostAtOnce).as("never two runs at once").hasValue(1);
        assertThat(runs.stream().map(JobRun::node).distinct()).as("both nodes took turns")
                .containsExactlyInAnyOrder("node-a", "node-b");
        Schedule schedule = Schedule.every(interval);
        assertThat(runs.get(0).dueAt()).isEqualTo(firstDue);
        for (int i = 1; i < runs.size(); i++) {
            JobRun previous = runs.get(i - 1);
            JobRun run = runs.get(i);
            // the next due time on the grid after the previous run ended: every due time once, none
            // twice; one is skipped only when the previous run ended after it (a late node catches up once)
            assertThat(run.dueAt()).as("run %d", i).isEqualTo(schedule.next(previous.dueAt(), previous.finishedAt()));
            assertThat(Duration.between(firstDue, run.dueAt()).toNanos() % interval.toNanos()).isZero();
            assertThat(run.startedAt()).as("run %d starts after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(previous.finishedAt());
        }
        assertThat(runs.subList(0, runs.size() - 1)).allSatisfy(r -> assertThat(r.outcome())
                .isEqualTo(Outcome.SUCCEEDED));
    }

    @Test
    @Timeout(120)
    void aNodeKilledMidRunIsMarkedAbandonedWhenItsLeaseExpiresAndTheSurvivorRunsTheJob() throws Exception {
        Duration lease = Duration.ofSeconds(2);
        Duration heartbeat = Duration.ofMillis(400);
        JobSettings settings = new JobSettings(lease, heartbeat, Duration.ofMillis(50));
        Database database = node();
        JobRunner survivor = runner(database, "survivor", settings);
        AtomicInteger survivorRuns = new AtomicInteger();
        survivor.add(Job.of("crl", Schedule.every(Duration.ofHours(1)), false, context -> {
            survivorRuns.incrementAndGet();
            return JobResult.succeeded(Map.of("crls", 4L), null);
        }));

        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobNode.class.getName(), url, "crl", "victim",
                Long.toString(lease.toMillis()), Long.toString(heartbeat.toMillis())).redirectErrorStream(true)
                .start();
        try {
            BlockingQueue<String> output = drain(victim);
            String runId = awaitLine(output, "RUNNING ", Duration.ofSeconds(60)).substring("RUNNING ".length());
            assertThat(database.jobs().run(runId).orElseThrow().outcome()).isEqualTo(Outcome.RUNNING);

            // alive, the victim renews its lease: over two and a half leases nobody takes the job
            long end = System.nanoTime() + lease.multipliedBy(5).dividedBy(2).toNanos();
            while (System.nanoTime() < end) {
                assertThat(survivor.runDue()).isEmpty();
                Thread.sleep(50);
            }
            JobState beforeKill = database.jobs().find("crl").orElseThrow();
            assertThat(beforeKill.leaseOwner()).isEqualTo("victim");
            assertThat(beforeKill.runId()).isEqualTo(runId);

            Instant killed = Instant.now();
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no last word to the database
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();

            List<JobRun> taken = List.of();
            long deadline = System.nanoTime() + lease.multipliedBy(5).toNanos();
            while (taken.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                taken = survivor.runDue();
            }

            assertThat(taken).as("the survivor took over").singleElement().satisfies(run -> {
                assertThat(run.node()).isEqualTo("survivor");
                assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
                assertThat(run.startedAt()).as("after the kill and not before the victim's lease expired")
                        .isAfter(killed).isAfterOrEqualTo(beforeKill.leaseExpiresAt());
            });
            JobRun abandoned = database.jobs().run(runId).orElseThrow();
            assertThat(abandoned.outcome()).isEqualTo(Outcome.ABANDONED);
            assertThat(abandoned.outcome().failed()).isTrue();
            assertThat(abandoned.details()).contains("lease expired on node victim").contains("noticed by node survivor");
            assertThat(abandoned.finishedAt()).isAfter(killed);
            assertThat(database.jobs().runs("crl", 10)).extracting(JobRun::node, JobRun::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("survivor", Outcome.SUCCEEDED),
                    org.assertj.core.groups.Tuple.tuple("victim", Outcome.ABANDONED));
            assertThat(survivorRuns).hasValue(1);
            assertThat(database.jobs().find("crl").orElseThrow().leased()).isFalse();
        } finally {
            victim.destroyForcibly();
            victim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the child's output on a thread of its own, so the child never blocks on a full pipe. */
    private static BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        }, "job-node-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
        }
        throw new AssertionError("the child node printed no '" + prefix + "' within " + timeout + ": " + seen);
    }

    private static String user() {
        return System.getenv().getOrDefault("LANYARD_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("LANYARD_TEST_PG_PASSWORD", "");
    }

    private static void admin(String statement) {
        try (Connection c = DriverManager.getConnection(System.getenv("LANYARD_TEST_PG_URL"), user(), password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
