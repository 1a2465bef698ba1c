package org.lanyard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.jobs.JobRun.Outcome;
import org.lanyard.core.testing.MemoryAuditLog;
import org.lanyard.core.testing.MemoryTransactions;

class RunJobNowTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final Actor ALICE = new Actor("op-1", "alice");

    final MemoryJobStore store = new MemoryJobStore();
    final MovingClock clock = new MovingClock(T0);
    final MemoryAuditLog auditLog = new MemoryAuditLog();
    final MemoryTransactions transactions = new MemoryTransactions(auditLog);
    final JobRunner a = new JobRunner(store, "a", clock, JobRunnerTest.SETTINGS);
    final JobRunner b = new JobRunner(store, "b", clock, JobRunnerTest.SETTINGS);

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    RunJobNow on(JobRunner runner) {
        return new RunJobNow(runner, store, transactions, new AuditTrail(auditLog, clock, runner.node()), clock);
    }

    @Test
    void aJobOfThisNodeStartsAtOnceUnderItsLeaseAndTheRequestIsAudited() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        a.add(Job.of("crl", JobRunnerTest.FIVE_MINUTES, false, context -> {
            if (runs.incrementAndGet() > 1) { // the first, scheduled run returns at once
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return JobResult.succeeded(Map.of(), null);
        }));
        a.runDue(); // due again in five minutes
        clock.advance(Duration.ofMinutes(1));

        RunJobNow.Requested requested = on(a).run("crl", ALICE);

        JobRun run = requested.run();
        assertThat(run.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(run.node()).isEqualTo("a");
        assertThat(run.trigger()).isEqualTo("manual: alice");
        assertThat(run.dueAt()).as("ahead of the schedule").isNull();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        AuditEvent event = auditLog.stored().get(auditLog.stored().size() - 1);
        assertThat(event.action()).isEqualTo("job.run-started");
        assertThat(event.target()).isEqualTo("crl");
        assertThat(event.details()).contains(run.id());
        assertThat(event.actor()).contains("alice");

        assertThatThrownBy(() -> on(a).run("crl", ALICE)).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo("job-running");
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
            assertThat(e.properties()).containsEntry("run", run.id()).containsEntry("node", "a");
        });
        assertThat(auditLog.actions()).containsOnlyOnce("job.run-started");

        release.countDown();
        JobRunnerTest.await(() -> store.run(run.id()).orElseThrow().outcome() == Outcome.SUCCEEDED);
        assertThat(store.find("crl").orElseThrow().nextDueAt()).as("the schedule does not move")
                .isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aJobOfAnotherNodeIsMadeDueAndThatNodeRunsIt() {
        AtomicInteger runs = new AtomicInteger();
        b.add(JobRunnerTest.counting("ocsp-presign@b", Schedule.every(Duration.ofHours(1)), runs));
        b.runDue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.runDue()).isEmpty();

        RunJobNow.Requested requested = on(a).run("ocsp-presign@b", ALICE);

        assertThat(requested.run()).as("b runs it, not a").isNull();
        assertThat(requested.dueAt()).isEqualTo(clock.instant());
        assertThat(auditLog.actions()).containsExactly("job.run-requested");
        assertThat(b.runDue()).singleElement().satisfies(r -> assertThat(r.node()).isEqualTo("b"));
        assertThat(runs).hasValue(2);
    }

    @Test
    void anUnknownJobIsNotFoundAndNothingIsAudited() {
        assertThatThrownBy(() -> on(a).run("nope", ALICE)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.code()).isEqualTo("job-unknown"));
        assertThat(auditLog.stored()).isEmpty();
    }

    @Test
    void whenTheAuditFailsTheLeaseIsNotTaken() {
        a.add(JobRunnerTest.counting("crl", Schedule.every(Duration.ofHours(1)), new AtomicInteger()));
        auditLog.failOnAction = "job.run-started";
        MemoryTransactions withStore = new MemoryTransactions(auditLog, store);

        assertThatThrownBy(() -> new RunJobNow(a, store, withStore, new AuditTrail(auditLog, clock, "a"), clock)
                .run("crl", ALICE)).hasMessageContaining("audit store down");

        assertThat(store.find("crl").orElseThrow().leased()).isFalse();
        assertThat(store.runs("crl", 10)).isEmpty();
        assertThat(on(a).run("crl", ALICE).run().outcome()).isEqualTo(Outcome.RUNNING);
    }
}
