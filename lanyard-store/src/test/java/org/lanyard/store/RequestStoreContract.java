package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.PageRequest;
import org.lanyard.core.operator.Scope;
import org.lanyard.core.ra.Approval;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.Request;
import org.lanyard.core.ra.RequestEvent;
import org.lanyard.core.ra.RequestQuery;
import org.lanyard.core.ra.RequestState;
import org.lanyard.core.ra.RequestStore;
import org.lanyard.core.ra.RequestType;
import org.lanyard.core.ra.Requester;

/** {@link RequestStore} on a real database: what the RA's use cases rely on. */
abstract class RequestStoreContract extends StoreContract {

    static final Actor ALICE = new Actor("op-alice", "alice");
    static final Actor BOB = new Actor("op-bob", "bob");
    static final Actor CAROL = new Actor("op-carol", "carol");
    static final Instant NOW = Fixtures.NOW;

    RequestStoreContract(TestDatabase.Target target) {
        super(target);
    }

    private RequestStore store() {
        return database.requests();
    }

    @BeforeEach
    void emptyRequests() throws Exception {
        for (String table : List.of("request_events", "request_approvals", "request_variables", "requests")) {
            execute(database, "DELETE FROM " + table);
        }
    }

    static Request request(String id, Actor requester, String profile, RequestState state, Instant at) {
        return new Request(id, RequestType.ISSUE, state, Scope.system(), new Requester(Principal.Kind.OPERATOR,
                requester), profile, "issuing", new byte[] {0x30, 0x03, 0x02, 0x01, 0x07},
                Map.of("cn", "Alice Example", "o", "Example"), 2, List.of(),
                List.of(new RequestEvent(at, requester, RequestEvent.REQUESTED, null)), null, null, at, at);
    }

    @Test
    void requestRoundTripsEveryField() {
        Request full = new Request("r1", RequestType.ISSUE, RequestState.PENDING, new Scope("acme", "hr"),
                new Requester(Principal.Kind.ACME_ACCOUNT, new Actor("acme:a1", "ACME account a1")), "tls-two", null,
                new byte[] {1, 2, 3}, Map.of("cn", "x", "ou", "line\nbreak"), 3,
                List.of(new Approval(BOB, NOW, "ok"), new Approval(CAROL, NOW.plusSeconds(1), null)),
                List.of(new RequestEvent(NOW, ALICE, "requested", null), new RequestEvent(NOW, BOB, "approval", "ok"),
                        new RequestEvent(NOW.plusSeconds(1), CAROL, "approval", null)),
                "0a1b", "lint-x", NOW, NOW.plusSeconds(2));

        store().insert(full);

        assertThat(store().find("r1")).get().usingRecursiveComparison().isEqualTo(full);
        assertThat(store().find("r2")).isEmpty();
    }

    @Test
    void approvalsAndEventsAreAddedInOrder() {
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW));

        store().addApproval("r1", new Approval(BOB, NOW.plusSeconds(1), "first"));
        store().addEvent("r1", new RequestEvent(NOW.plusSeconds(1), BOB, RequestEvent.APPROVAL, "first"));
        store().addApproval("r1", new Approval(CAROL, NOW.plusSeconds(2), null));
        store().addEvent("r1", new RequestEvent(NOW.plusSeconds(2), CAROL, RequestEvent.APPROVAL, null));

        Request found = store().find("r1").orElseThrow();
        assertThat(found.approvals()).extracting(Approval::operator).containsExactly(BOB, CAROL);
        assertThat(found.history()).extracting(RequestEvent::event).containsExactly("requested", "approval", "approval");
        assertThat(found.history()).extracting(RequestEvent::actor).containsExactly(ALICE, BOB, CAROL);
        assertThat(found.approvedBy(BOB)).isTrue();
    }

    @Test
    void secondApprovalOfOneOperatorIsRefusedAndRolledBack() {
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW));
        store().addApproval("r1", new Approval(BOB, NOW, null));

        assertThatThrownBy(() -> database.transactions().run(() -> {
            store().addEvent("r1", new RequestEvent(NOW, BOB, RequestEvent.APPROVAL, "again"));
            store().addApproval("r1", new Approval(BOB, NOW.plusSeconds(1), "again"));
        })).isInstanceOf(LanyardException.class).extracting("code").isEqualTo("approval-duplicate");

        Request found = store().find("r1").orElseThrow();
        assertThat(found.approvals()).hasSize(1);
        assertThat(found.history()).hasSize(1);
    }

    @Test
    void transitionMovesOnlyFromTheExpectedState() {
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW));

        assertThat(store().transition("r1", RequestState.APPROVED, RequestState.COMPLETED, "0a", null, NOW)).isFalse();
        assertThat(store().transition("r1", RequestState.PENDING, RequestState.APPROVED, null, null,
                NOW.plusSeconds(5))).isTrue();
        assertThat(store().transition("r1", RequestState.PENDING, RequestState.REJECTED, null, null, NOW)).isFalse();
        assertThat(store().transition("r1", RequestState.APPROVED, RequestState.COMPLETED, "0a1b2c", null,
                NOW.plusSeconds(9))).isTrue();

        Request found = store().find("r1").orElseThrow();
        assertThat(found.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(found.certificateSerial()).isEqualTo("0a1b2c");
        assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(store().transition("missing", RequestState.PENDING, RequestState.APPROVED, null, null, NOW)).isFalse();

        store().insert(request("r2", ALICE, "tls-two", RequestState.APPROVED, NOW));
        store().transition("r2", RequestState.APPROVED, RequestState.FAILED, null, "lint-x", NOW);
        assertThat(store().find("r2").orElseThrow().failure()).isEqualTo("lint-x");
    }

    @Test
    void countsARequestersRequestsInTheWindow() {
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW.minus(Duration.ofHours(2))));
        store().insert(request("r2", ALICE, "tls-two", RequestState.COMPLETED, NOW.minus(Duration.ofMinutes(30))));
        store().insert(request("r3", ALICE, "tls-two", RequestState.PENDING, NOW));
        store().insert(request("r4", BOB, "tls-two", RequestState.PENDING, NOW));

        assertThat(store().countByRequesterSince(ALICE.id(), NOW.minus(Duration.ofHours(1)))).isEqualTo(2);
        assertThat(store().countByRequesterSince(ALICE.id(), NOW.minus(Duration.ofHours(3)))).isEqualTo(3);
        assertThat(store().countByRequesterSince("op-nobody", NOW.minus(Duration.ofHours(3)))).isZero();
    }

    @Test
    void searchFiltersOrdersOldestFirstAndPages() {
        store().insert(request("r3", ALICE, "tls-two", RequestState.PENDING, NOW.plusSeconds(3)));
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW.plusSeconds(1)));
        store().insert(request("r2", BOB, "ocsp-two", RequestState.PENDING, NOW.plusSeconds(2)));
        store().insert(request("r4", BOB, "tls-two", RequestState.REJECTED, NOW.plusSeconds(4)));
        PageRequest all = new PageRequest(0, 50);

        assertThat(store().search(new RequestQuery(RequestState.PENDING, null, Set.of(), all)).items())
                .extracting(Request::id).containsExactly("r1", "r2", "r3");
        assertThat(store().search(new RequestQuery(null, BOB.id(), Set.of(), all)).items())
                .extracting(Request::id).containsExactly("r2", "r4");
        assertThat(store().search(new RequestQuery(RequestState.PENDING, null, Set.of("ocsp-two", "other"), all))
                .items()).extracting(Request::id).containsExactly("r1", "r3");
        var page = store().search(new RequestQuery(null, null, Set.of(), new PageRequest(1, 2)));
        assertThat(page.items()).extracting(Request::id).containsExactly("r3", "r4");
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items().get(0).variables()).containsEntry("cn", "Alice Example");
        assertThat(page.items().get(0).history()).hasSize(1);
    }

    @Test
    void lockHoldsOffASecondLockerUntilTheFirstCommits() throws Exception {
        store().insert(request("r1", ALICE, "tls-two", RequestState.PENDING, NOW));
        CountDownLatch locked = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> database.transactions().run(() -> {
            assertThat(store().lock("r1")).isPresent();
            locked.countDown();
            sleep(400);
            store().addApproval("r1", new Approval(BOB, NOW, null));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Request seen = database.transactions().inTransaction(() -> store().lock("r1").orElseThrow());
        first.get(10, TimeUnit.SECONDS);

        // the second lock waited for the first transaction, so it sees its approval
        assertThat(seen.approvals()).extracting(Approval::operator).containsExactly(BOB);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
