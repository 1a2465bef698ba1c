package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/**
 * Writes requests and their steps for the RA's use cases: each new request, approval and state
 * change with its history event and its audit event ({@code request.<event>}, target the request
 * id), in the caller's transaction or one of its own (DESIGN.md §5, invariant 4).
 */
public final class RequestRecords {

    /** Comments are for people; longer text belongs in a ticket the comment names. */
    public static final int MAX_COMMENT = 1000;
    static final String NOT_PENDING = "request-not-pending";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestStore store;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public RequestRecords(RequestStore store, Transactions tx, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Now, to the microsecond the store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** 96 random bits, hex: unguessable, so an id tells nothing about others. */
    static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    <T> T inTransaction(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    Request find(String id) {
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    /** The request, locked until the transaction ends; call inside {@link #inTransaction}. */
    Request lock(String id) {
        return store.lock(id).orElseThrow(() -> unknown(id));
    }

    /** Stores a new request with the audit event of each step of its history (requested, and approved when at once). */
    void create(Request request) {
        tx.run(() -> {
            store.insert(request);
            for (RequestEvent event : request.history()) {
                Map<String, String> details = details(request);
                details.put("approvalsRequired", Integer.toString(request.approvalsRequired()));
                if (event.comment() != null) {
                    details.put("comment", event.comment());
                }
                audit.record(event.actor(), action(event.event()), request.id(), details);
            }
        });
    }

    /** Adds {@code operator}'s approval; {@code given} is how many approvals there are with it. */
    void approve(Request request, Actor operator, @Nullable String comment, int given, int needed) {
        Instant now = now();
        store.addApproval(request.id(), new Approval(operator, now, comment));
        store.addEvent(request.id(), new RequestEvent(now, operator, RequestEvent.APPROVAL, comment));
        Map<String, String> details = details(request);
        details.put("approvals", given + "/" + needed);
        if (comment != null) {
            details.put("comment", comment);
        }
        audit.record(operator, action(RequestEvent.APPROVAL), request.id(), details);
    }

    /**
     * Moves {@code request} to {@code to}, with its history and audit events.
     *
     * @throws LanyardException {@value #NOT_PENDING} (409) when the request is no longer where it was
     */
    void move(Request request, RequestState to, Actor actor, @Nullable String comment, @Nullable String serial,
            @Nullable String failure) {
        tx.run(() -> {
            Instant now = now();
            if (!request.state().mayBecome(to) || !store.transition(request.id(), request.state(), to, serial,
                    failure, now)) {
                throw conflict(request.id(), "cannot become " + to.text());
            }
            store.addEvent(request.id(), new RequestEvent(now, actor, RequestEvent.reaching(to), comment));
            Map<String, String> details = details(request);
            details.put("state", to.text());
            if (comment != null) {
                details.put("comment", comment);
            }
            if (serial != null) {
                details.put("serial", serial);
            }
            if (failure != null) {
                details.put("failure", failure);
            }
            audit.record(actor, action(RequestEvent.reaching(to)), request.id(), details);
        });
    }

    /** @throws LanyardException {@value #NOT_PENDING} (409) unless {@code request} waits for a decision */
    static void requirePending(Request request) {
        if (request.state() != RequestState.PENDING) {
            throw conflict(request.id(), "is " + request.state().text());
        }
    }

    /** The comment trimmed, null when blank; refused ({@code comment-invalid}, 400) when too long. */
    static @Nullable String comment(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String trimmed = comment.strip();
        if (trimmed.length() > MAX_COMMENT) {
            throw LanyardException.invalid("comment-invalid", "a comment has at most " + MAX_COMMENT + " characters");
        }
        return trimmed;
    }

    private static Map<String, String> details(Request request) {
        Map<String, String> details = new HashMap<>();
        details.put("type", request.type().name().toLowerCase(java.util.Locale.ROOT));
        details.put("profile", request.profileId());
        details.put("requester", request.requester().actor().toString());
        return details;
    }

    /** {@code request.created} for {@value RequestEvent#REQUESTED}, else {@code request.<event>}. */
    private static String action(String event) {
        return "request." + (event.equals(RequestEvent.REQUESTED) ? "created" : event);
    }

    private static LanyardException unknown(String id) {
        return LanyardException.notFound("request-unknown", "no request with id " + id);
    }

    private static LanyardException conflict(String id, String what) {
        return new LanyardException(ErrorKind.CONFLICT, NOT_PENDING, "request " + id + " " + what
                + "; only a pending request can be approved, rejected or cancelled", Map.of());
    }
}
