package org.lanyard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.jobs.JobRun.Outcome;

/** The runner over an in-memory store: once per due time, leases, takeover, start. */
class JobRunnerTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    /** Ticks far apart: these tests drive the runner by hand ({@code runDue}). */
    static final JobSettings SETTINGS = new JobSettings(Duration.ofSeconds(60), Duration.ofSeconds(20),
            Duration.ofHours(1));
    static final Schedule FIVE_MINUTES = Schedule.every(Duration.ofMinutes(5));

    final MemoryJobStore store = new MemoryJobStore();
    final MovingClock clock = new MovingClock(T0);
    final List<JobRunner> runners = new ArrayList<>();
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        runners.forEach(JobRunner::close);
    }

    JobRunner runner(String node) {
        return runner(node, clock, SETTINGS);
    }

    JobRunner runner(String node, Clock clock, JobSettings settings) {
        JobRunner runner = new JobRunner(store, node, clock, settings);
        runners.add(runner);
        return runner;
    }

    static Job counting(String name, Schedule schedule, AtomicInteger count) {
        return Job.of(name, schedule, false, context -> {
            count.incrementAndGet();
            return JobResult.succeeded(Map.of("crls", 2L), "made 2 CRLs");
        });
    }

    /** A job that waits for {@code release} and counts how often it ran. */
    static Job blocking(String name, boolean atStart, CountDownLatch entered, CountDownLatch release,
            AtomicInteger count) {
        return Job.of(name, FIVE_MINUTES, atStart, context -> {
            count.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JobResult.succeeded(Map.of(), null);
        });
    }

    @Test
    void aDueJobRunsOncePerDueTimeAndRecordsWhatItDid() {
        AtomicInteger runs = new AtomicInteger();
        JobRunner a = runner("a");
        a.add(counting("crl", FIVE_MINUTES, runs));

        List<JobRun> first = a.runDue();

        assertThat(first).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(run.counts()).containsExactly(Map.entry("crls", 2L));
            assertThat(run.details()).isEqualTo("made 2 CRLs");
            assertThat(run.node()).isEqualTo("a");
            assertThat(run.trigger()).isEqualTo("schedule");
            assertThat(run.dueAt()).isEqualTo(T0);
            assertThat(run.finishedAt()).isEqualTo(T0);
        });
        assertThat(store.run(first.get(0).id())).contains(first.get(0));
        assertThat(a.runDue()).as("not due again within the interval").isEmpty();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(a.runDue()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(a.runDue()).singleElement().satisfies(run -> assertThat(run.dueAt())
                .isEqualTo(T0.plus(Duration.ofMinutes(5))));
        assertThat(runs).hasValue(2);
        JobState row = store.find("crl").orElseThrow();
        assertThat(row.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(row.leased()).isFalse();
    }

    @Test
    void ofTwoNodesTickingTogetherExactlyOneRunsEachDueTime() throws Exception {
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        JobRunner a = runner("a");
        JobRunner b = runner("b");
        Schedule minute = Schedule.every(Duration.ofMinutes(1));
        a.add(counting("crl", minute, runsOnA));
        b.add(counting("crl", minute, runsOnB));

        int rounds = 60;
        for (int i = 0; i < rounds; i++) {
            CountDownLatch go = new CountDownLatch(1);
            Future<List<JobRun>> onA = threads.submit(() -> {
                go.await();
                return a.runDue();
            });
            Future<List<JobRun>> onB = threads.submit(() -> {
                go.await();
                return b.runDue();
            });
            go.countDown();
            assertThat(onA.get(5, TimeUnit.SECONDS).size() + onB.get(5, TimeUnit.SECONDS).size())
                    .as("round %d", i).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
        }

        List<JobRun> runs = store.all("crl");
        assertThat(runs).hasSize(rounds).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(runs.stream().map(JobRun::dueAt).distinct()).hasSize(rounds);
        assertThat(runsOnA.get() + runsOnB.get()).isEqualTo(rounds);
    }

    @Test
    void aRunWhoseNodeStoppedIsMarkedAbandonedOnceItsLeaseExpiresAndTakenOver() {
        AtomicInteger runsOnB = new AtomicInteger();
        JobRunner a = runner("a");
        a.add(counting("crl", FIVE_MINUTES, new AtomicInteger()));
        JobRun stopped = a.claimNow("crl", "schedule").run(); // node a takes the lease, then dies: never launched
        JobRunner b = runner("b");
        b.add(counting("crl", FIVE_MINUTES, runsOnB));

        assertThat(b.runDue()).as("a's lease is live").isEmpty();
        clock.advance(SETTINGS.lease().minusSeconds(1));
        assertThat(b.runDue()).as("still live").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<JobRun> taken = b.runDue();

        assertThat(taken).singleElement().satisfies(run -> {
            assertThat(run.node()).isEqualTo("b");
            assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(run.dueAt()).as("the due time a never finished").isEqualTo(T0);
        });
        JobRun abandoned = store.run(stopped.id()).orElseThrow();
        assertThat(abandoned.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(abandoned.outcome().failed()).isTrue();
        assertThat(abandoned.details()).contains("lease expired on node a").contains("noticed by node b");
        assertThat(abandoned.finishedAt()).isEqualTo(taken.get(0).startedAt());
        assertThat(runsOnB).hasValue(1);
    }

    @Test
    void anExpiredLeaseOfAJobThisNodeDoesNotRunIsFreed() {
        JobRunner a = runner("a");
        a.add(counting("ocsp-presign@a", FIVE_MINUTES, new AtomicInteger()));
        JobRun stopped = a.claimNow("ocsp-presign@a", "schedule").run();
        JobRunner b = runner("b");

        clock.advance(SETTINGS.lease());
        assertThat(b.runDue()).isEmpty();

        assertThat(store.run(stopped.id()).orElseThrow().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(store.find("ocsp-presign@a").orElseThrow().leased()).isFalse();
    }

    @Test
    void aFailingJobIsRecordedAsFailedAndStaysOnItsSchedule() {
        JobRunner a = runner("a");
        a.add(Job.of("throws", FIVE_MINUTES, false, c -> {
            throw new IllegalStateException("disk full");
        }));
        a.add(Job.of("partly", FIVE_MINUTES, false, c -> new JobResult.Tally("crls").count("crls")
                .failure("issuer x shard 3: signer unavailable").result()));

        List<JobRun> runs = a.runDue();

        assertThat(runs).extracting(JobRun::job, JobRun::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("throws", Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("partly", Outcome.FAILED));
        JobRun thrown = runs.stream().filter(r -> r.job().equals("throws")).findFirst().orElseThrow();
        assertThat(thrown.details()).contains("disk full");
        JobRun partly = runs.stream().filter(r -> r.job().equals("partly")).findFirst().orElseThrow();
        assertThat(partly.counts()).containsExactly(Map.entry("crls", 1L), Map.entry("failed", 1L));
        assertThat(partly.details()).isEqualTo("issuer x shard 3: signer unavailable");
        assertThat(store.list()).allSatisfy(row -> {
            assertThat(row.leased()).isFalse();
            assertThat(row.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void aLongRunKeepsRenewingItsLeaseSoNoOtherNodeStartsIt() throws Exception {
        JobSettings quick = new JobSettings(Duration.ofMillis(900), Duration.ofMillis(150), Duration.ofHours(1));
        Clock real = Clock.systemUTC();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        JobRunner a = runner("a", real, quick);
        JobRunner b = runner("b", real, quick);
        a.add(blocking("crl", false, entered, release, runsOnA));
        b.add(blocking("crl", false, new CountDownLatch(1), new CountDownLatch(0), runsOnB));

        Future<List<JobRun>> onA = threads.submit(a::runDue);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        long end = System.nanoTime() + Duration.ofMillis(2500).toNanos(); // almost three leases
        while (System.nanoTime() < end) {
            assertThat(b.runDue()).isEmpty();
            Thread.sleep(20);
        }
        release.countDown();

        assertThat(onA.get(5, TimeUnit.SECONDS)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(runsOnB).hasValue(0);
        assertThat(store.all("crl")).hasSize(1);
    }

    @Test
    void aRunThatLostItsLeaseIsToldAndItsEndDoesNotOverwriteTheAbandonment() throws Exception {
        JobSettings quick = new JobSettings(Duration.ofMillis(900), Duration.ofMillis(100), Duration.ofHours(1));
        CountDownLatch entered = new CountDownLatch(1);
        JobRunner a = runner("a", Clock.systemUTC(), quick);
        a.add(Job.of("crl", FIVE_MINUTES, false, context -> {
            entered.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!context.leaseLost() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return JobResult.succeeded(Map.of("lost", context.leaseLost() ? 1L : 0L), null);
        }));

        Future<List<JobRun>> onA = threads.submit(a::runDue);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        String runId = store.find("crl").orElseThrow().runId();
        await(() -> store.abandon(store.find("crl").orElseThrow(),
                new JobStore.Abandonment(runId, Instant.now(Clock.systemUTC()), "taken over in this test")));

        JobRun ended = onA.get(5, TimeUnit.SECONDS).get(0);
        assertThat(ended.counts()).containsEntry("lost", 1L);
        JobRun recorded = store.run(runId).orElseThrow();
        assertThat(recorded.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(recorded.details()).isEqualTo("taken over in this test");
    }

    @Test
    void startRunsItsJobsBeforeReturningEvenAheadOfTheirSchedule() {
        AtomicInteger crl = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        JobRunner earlier = runner("a");
        earlier.add(Job.of("crl", Schedule.every(Duration.ofHours(1)), true, c -> {
            crl.incrementAndGet();
            return JobResult.succeeded(Map.of(), null);
        }));
        earlier.runDue(); // the cluster ran it at T0; due again at T0 + 1 h
        earlier.close();
        clock.advance(Duration.ofMinutes(10));

        JobRunner a = runner("a");
        a.add(Job.of("crl", Schedule.every(Duration.ofHours(1)), true, c -> {
            crl.incrementAndGet();
            return JobResult.succeeded(Map.of(), null);
        }));
        a.add(Job.of("later", Schedule.dailyAt(java.time.LocalTime.NOON), false, c -> {
            other.incrementAndGet();
            return JobResult.succeeded(Map.of(), null);
        }));
        a.start();

        assertThat(crl).as("ran at start, before start returned").hasValue(2);
        assertThat(other).hasValue(0);
        JobRun atStart = store.runs("crl", 1).get(0);
        assertThat(atStart.trigger()).isEqualTo("start");
        assertThat(atStart.dueAt()).as("ahead of the schedule").isNull();
        assertThat(store.find("crl").orElseThrow().nextDueAt()).as("schedule unchanged")
                .isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aStartingNodeWaitsForTheRunAnotherNodeHasInProgressInsteadOfRepeatingIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        JobRunner a = runner("a");
        a.add(blocking("crl", true, entered, release, runsOnA));
        a.launch(a.claimNow("crl", "schedule"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        JobRunner b = runner("b");
        b.add(blocking("crl", true, new CountDownLatch(1), new CountDownLatch(0), runsOnB));

        Future<?> starting = threads.submit(b::start);
        Thread.sleep(300);
        assertThat(starting.isDone()).as("b is not ready while a's run is in progress").isFalse();
        release.countDown();
        starting.get(5, TimeUnit.SECONDS);

        assertThat(runsOnA).hasValue(1);
        assertThat(runsOnB).as("a's run covered it").hasValue(0);
        assertThat(store.all("crl")).singleElement().satisfies(r -> assertThat(r.outcome())
                .isEqualTo(Outcome.SUCCEEDED));
    }

    @Test
    void aStartingNodeRunsTheJobItselfWhenTheRunItWaitedForFailed() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobRunner a = runner("a");
        a.add(Job.of("crl", FIVE_MINUTES, true, c -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("signer unavailable");
        }));
        a.launch(a.claimNow("crl", "schedule"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger runsOnC = new AtomicInteger();
        JobRunner c = runner("c");
        c.add(Job.of("crl", FIVE_MINUTES, true, ctx -> {
            runsOnC.incrementAndGet();
            return JobResult.succeeded(Map.of(), null);
        }));

        Future<?> starting = threads.submit(c::start);
        release.countDown();
        starting.get(5, TimeUnit.SECONDS);

        assertThat(runsOnC).hasValue(1);
        assertThat(store.all("crl")).extracting(JobRun::node, JobRun::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("c", Outcome.SUCCEEDED));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
