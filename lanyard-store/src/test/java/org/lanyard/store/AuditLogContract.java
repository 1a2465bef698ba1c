package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.PageRequest;
import org.lanyard.core.audit.AuditChain;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.audit.ChainHead;
import org.lanyard.core.audit.VerifyAuditChain;

abstract class AuditLogContract extends StoreContract {

    AuditLogContract(TestDatabase.Target target) {
        super(target);
    }

    private AuditLog log() {
        return database.auditLog();
    }

    /** The next event after {@code head}, hashed as the chain requires. */
    private static AuditEvent next(Optional<ChainHead> head, Instant time, String actor, String action,
            String target) {
        long sequence = head.map(ChainHead::sequence).orElse(0L) + 1;
        String previous = head.map(ChainHead::hash).orElse(AuditChain.GENESIS);
        String details = "{\"n\":\"" + sequence + "\"}";
        return new AuditEvent(sequence, "node-1", time, actor, action, target, details, previous,
                AuditChain.hash(sequence, "node-1", time, actor, action, target, details, previous));
    }

    private AuditEvent append(Instant time, String actor, String action, String target) {
        return database.transactions().inTransaction(() -> {
            AuditEvent event = next(log().lockHead(), time, actor, action, target);
            log().append(event);
            return event;
        });
    }

    @Test
    void aNewLogHasNoHead() {
        assertThat(log().head()).isEmpty();
        assertThat(database.transactions().inTransaction(() -> log().lockHead())).isEmpty();
    }

    @Test
    void appendRoundTripsAndMovesTheHead() {
        // nanoseconds survive: the hash covers the instant's exact text
        AuditEvent first = append(Instant.parse("2026-03-01T10:15:30.123456789Z"), "alice (op-1)", "x.done", "t1");
        AuditEvent second = append(NOW, "bob (op-2)", "y.done", null);

        assertThat(log().head()).contains(new ChainHead(2, second.hash()));
        List<AuditEvent> stored = new ArrayList<>();
        log().forEachStored(stored::add);
        assertThat(stored).containsExactly(first, second);
        assertThat(new VerifyAuditChain(log()).verify().intact()).isTrue();
    }

    @Test
    void appendRefusesAnEventThatDoesNotFollowTheHead() {
        AuditEvent first = append(NOW, "a", "x", "t");
        AuditEvent stale = next(Optional.empty(), NOW, "b", "y", "t");

        assertThatThrownBy(() -> database.transactions().run(() -> log().append(stale)))
                .isInstanceOf(LanyardException.class);
        assertThat(log().head()).contains(new ChainHead(1, first.hash()));
    }

    @Test
    void forEachStoredFollowsInsertionNotSequence() throws Exception {
        append(NOW, "a", "x", "1");
        append(NOW, "a", "x", "2");
        append(NOW, "a", "x", "3");
        execute(database, "UPDATE audit_events SET sequence_number = 101 WHERE sequence_number = 1");

        List<Long> order = new ArrayList<>();
        log().forEachStored(e -> order.add(e.sequence()));

        assertThat(order).containsExactly(101L, 2L, 3L);
        assertThat(new VerifyAuditChain(log()).verify().intact()).isFalse();
    }

    @Test
    void lockHeadMakesASecondTransactionWaitForTheFirst() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> database.transactions().run(() -> {
                Optional<ChainHead> head = log().lockHead();
                firstHoldsTheLock.countDown();
                sleep(700);
                log().append(next(head, NOW, "first", "x", "t"));
            }));
            assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            Future<ChainHead> second = threads.submit(() -> database.transactions().inTransaction(() -> {
                Optional<ChainHead> head = log().lockHead();
                log().append(next(head, NOW, "second", "x", "t"));
                return head.orElseThrow(() -> new AssertionError("the second saw an empty log: no lock"));
            }));

            ChainHead seenBySecond = second.get(20, TimeUnit.SECONDS);
            first.get(20, TimeUnit.SECONDS);

            assertThat(seenBySecond.sequence()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
            assertThat(log().head().orElseThrow().sequence()).isEqualTo(2);
            assertThat(new VerifyAuditChain(log()).verify().intact()).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentTrailsKeepOneUnbrokenChain() throws Exception {
        AuditTrail trail = new AuditTrail(log(), Clock.fixed(NOW, ZoneOffset.UTC), "node-1");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Actor actor = new Actor("op-" + t, "worker" + t);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        database.transactions().run(() -> trail.record(actor, "work.done", "t", Map.of()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(log().head().orElseThrow().sequence()).isEqualTo(30);
        var verification = new VerifyAuditChain(log()).verify();
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(30);
    }

    @Test
    void searchFiltersAndPagesNewestFirst() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        append(t0, "Alice (op-1)", "certificate.issued", "01");
        append(t0.plusSeconds(60), "bob (op-2)", "certificate.issued", "02");
        append(t0.plusSeconds(120), "alice (op-1)", "operator.created", "op-3");
        append(t0.plusSeconds(180), "system (system)", "certificate.issued", "03");

        assertThat(sequences(new AuditQuery("ALICE", null, null, null, null, page(0, 10)))).containsExactly(3L, 1L);
        assertThat(sequences(new AuditQuery(null, "certificate.issued", null, null, null, page(0, 10))))
                .containsExactly(4L, 2L, 1L);
        assertThat(sequences(new AuditQuery(null, null, "op-3", null, null, page(0, 10)))).containsExactly(3L);
        assertThat(sequences(new AuditQuery(null, null, null, t0.plusSeconds(60), t0.plusSeconds(180), page(0, 10))))
                .containsExactly(3L, 2L);

        var second = log().search(new AuditQuery(null, null, null, null, null, page(1, 3)));
        assertThat(second.items()).extracting(AuditEvent::sequence).containsExactly(1L);
        assertThat(second.total()).isEqualTo(4);
    }

    private List<Long> sequences(AuditQuery query) {
        var page = log().search(query);
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(AuditEvent::sequence).toList();
    }

    private static PageRequest page(int page, int size) {
        return new PageRequest(page, size);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
