package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.JobRun.Outcome;
import org.lanyard.core.jobs.JobState;
import org.lanyard.core.jobs.JobStore;
import org.lanyard.core.jobs.JobStore.Abandonment;

/** {@link JobStore} as docs/flows/jobs.md needs it: one lease per job by compare-and-set, every run kept. */
abstract class JobStoreContract extends StoreContract {

    static final Instant T = Fixtures.NOW.truncatedTo(ChronoUnit.MICROS);
    static final Instant LEASE = T.plusSeconds(120);

    private JobStore store;

    JobStoreContract(TestDatabase.Target target) {
        super(target);
    }

    @BeforeEach
    void emptyJobTables() throws SQLException {
        execute(database, "DELETE FROM job_runs");
        execute(database, "DELETE FROM jobs");
        store = database.jobs();
    }

    static JobRun running(String id, String job, String node, Instant dueAt) {
        return new JobRun(id, job, node, "schedule", dueAt, T, null, Outcome.RUNNING, Map.of(), null);
    }

    static JobRun ended(JobRun run, Instant at) {
        return new JobRun(run.id(), run.job(), run.node(), run.trigger(), run.dueAt(), run.startedAt(), at,
                Outcome.SUCCEEDED, Map.of(), null);
    }

    @Test
    void registeringTwiceKeepsTheFirstRowAndAChangedScheduleComesForward() {
        JobState first = store.register("crl", "every PT1H", T);
        assertThat(first).isEqualTo(new JobState("crl", "every PT1H", T, null, null, null, 0));
        assertThat(store.register("crl", "every PT1H", T.plusSeconds(99))).isEqualTo(first);

        store.claim(first, running("r1", "crl", "a", T), LEASE, null);
        store.finish(ended(running("r1", "crl", "a", T), T.plusSeconds(1)), T.plus(Duration.ofHours(1)));
        JobState shorter = store.register("crl", "every PT5M", T.plusSeconds(2));
        assertThat(shorter.schedule()).isEqualTo("every PT5M");
        assertThat(shorter.nextDueAt()).as("a shorter interval takes effect at once").isEqualTo(T.plusSeconds(2));
        JobState longer = store.register("crl", "every PT2H", T.plusSeconds(3));
        assertThat(longer.nextDueAt()).as("never pushed back").isEqualTo(T.plusSeconds(2));
        assertThat(store.list()).extracting(JobState::name).containsExactly("crl");
    }

    @Test
    void aClaimRecordsTheRunAndHoldsTheLeaseAndASecondClaimOnTheSameRowLoses() {
        JobState seen = store.register("crl", "every PT1M", T);
        JobRun run = new JobRun("r1", "crl", "node-a", "manual: alice", null, T, null, Outcome.RUNNING, Map.of(), null);

        assertThat(store.claim(seen, run, LEASE, null)).isTrue();
        assertThat(store.claim(seen, running("r2", "crl", "node-b", T), LEASE, null)).isFalse();

        JobState held = store.find("crl").orElseThrow();
        assertThat(held.leaseOwner()).isEqualTo("node-a");
        assertThat(held.runId()).isEqualTo("r1");
        assertThat(held.leaseExpiresAt()).isEqualTo(LEASE);
        assertThat(held.running(T)).isTrue();
        assertThat(store.run("r1")).contains(run);
        assertThat(store.run("r2")).isEmpty();
    }

    @Test
    void ofManyNodesClaimingTheSameRowAtOnceExactlyOneWins() throws Exception {
        JobState seen = store.register("crl", "every PT1M", T);
        int nodes = 8;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String node = "node-" + i;
                claims.add(threads.submit(() -> {
                    go.await();
                    return store.claim(seen, running("run-" + node, "crl", node, T), LEASE, null);
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.runs("crl", 100)).hasSize(1);
        assertThat(store.find("crl").orElseThrow().runId()).isEqualTo(store.runs("crl", 1).get(0).id());
    }

    @Test
    void aTakeoverMarksTheRunOfTheExpiredLeaseAbandonedInTheSameStep() {
        store.claim(store.register("crl", "every PT1M", T), running("r1", "crl", "node-a", T), LEASE, null);
        JobState expired = store.find("crl").orElseThrow();
        Abandonment abandoned = new Abandonment("r1", LEASE, "lease expired on node node-a");

        assertThat(store.claim(expired, running("r2", "crl", "node-b", T), LEASE.plusSeconds(120), abandoned))
                .isTrue();

        JobRun r1 = store.run("r1").orElseThrow();
        assertThat(r1.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(r1.finishedAt()).isEqualTo(LEASE);
        assertThat(r1.details()).isEqualTo("lease expired on node node-a");
        assertThat(store.find("crl").orElseThrow().leaseOwner()).isEqualTo("node-b");
        assertThat(store.runs("crl", 10)).extracting(JobRun::id).containsExactly("r2", "r1");

        // the stopped node's late end changes nothing
        assertThat(store.finish(ended(running("r1", "crl", "node-a", T), LEASE.plusSeconds(5)), LEASE)).isFalse();
        assertThat(store.run("r1").orElseThrow().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(store.renew("crl", "r1", LEASE.plusSeconds(600))).isFalse();
    }

    @Test
    void anExpiredLeaseIsFreedByCompareAndSet() {
        store.claim(store.register("crl", "every PT1M", T), running("r1", "crl", "node-a", T), LEASE, null);
        JobState expired = store.find("crl").orElseThrow();
        assertThat(store.renew("crl", "r1", LEASE.plusSeconds(1))).isTrue();

        assertThat(store.abandon(expired, new Abandonment("r1", LEASE, "x"))).as("renewed meanwhile").isFalse();
        assertThat(store.abandon(store.find("crl").orElseThrow(), new Abandonment("r1", LEASE, "lease expired")))
                .isTrue();

        assertThat(store.find("crl").orElseThrow().leased()).isFalse();
        assertThat(store.run("r1").orElseThrow().outcome()).isEqualTo(Outcome.ABANDONED);
    }

    @Test
    void theHolderRenewsAndFinishesAndTheRunKeepsWhatItDid() {
        store.claim(store.register("crl", "every PT1M", T), running("r1", "crl", "node-a", T), LEASE, null);

        assertThat(store.renew("crl", "r1", LEASE.plusSeconds(60))).isTrue();
        assertThat(store.find("crl").orElseThrow().leaseExpiresAt()).isEqualTo(LEASE.plusSeconds(60));
        assertThat(store.renew("crl", "someone-else", LEASE.plusSeconds(90))).isFalse();
        JobRun ended = new JobRun("r1", "crl", "node-a", "schedule", T, T, T.plusSeconds(3), Outcome.FAILED,
                Map.of("crls", 7L, "failed", 1L), "issuer x shard 2: signer unavailable");
        assertThat(store.finish(ended, T.plusSeconds(60))).isTrue();

        JobRun stored = store.run("r1").orElseThrow();
        assertThat(stored).isEqualTo(ended);
        assertThat(stored.counts()).isEqualTo(Map.of("crls", 7L, "failed", 1L)); // Map.of has no fixed order
        JobState free = store.find("crl").orElseThrow();
        assertThat(free.leased()).isFalse();
        assertThat(free.leaseOwner()).isNull();
        assertThat(free.nextDueAt()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void aJobIsMadeDueOnlyEarlier() {
        store.register("crl", "every PT1H", T.plusSeconds(3600));

        assertThat(store.makeDue("crl", T)).isTrue();
        assertThat(store.find("crl").orElseThrow().nextDueAt()).isEqualTo(T);
        assertThat(store.makeDue("crl", T.plusSeconds(10))).isFalse();
        assertThat(store.makeDue("nope", T)).isFalse();
    }

    @Test
    void runsAreListedNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) {
            JobState seen = store.register("crl", "every PT1M", T);
            store.claim(store.find("crl").orElseThrow(), running("r" + i, "crl", "a", T.plusSeconds(i)), LEASE, null);
            store.finish(ended(running("r" + i, "crl", "a", T.plusSeconds(i)), T.plusSeconds(i)), T);
            assertThat(seen.name()).isEqualTo("crl");
        }
        store.register("other", "every PT1M", T);

        assertThat(store.runs("crl", 3)).extracting(JobRun::id).containsExactly("r4", "r3", "r2");
        assertThat(store.runs("other", 3)).isEmpty();
        assertThat(store.list()).extracting(JobState::name).containsExactly("crl", "other");
    }
}
