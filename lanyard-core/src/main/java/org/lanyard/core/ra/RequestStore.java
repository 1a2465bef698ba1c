package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Optional;
import org.lanyard.core.Page;

/**
 * Storage of registration requests with their approvals, history and payload. Writes join the
 * caller's transaction ({@code Transactions}); the use cases write a state change, its history
 * event and its audit event in one.
 */
public interface RequestStore extends RequestReader {

    /** Stores a new request with its variables, approvals and history. */
    void insert(Request request);

    Optional<Request> find(String id);

    /**
     * The request, locked until the current transaction ends ({@code SELECT … FOR UPDATE}), so
     * that approvals, rejections and cancellations of one request run one after another on every
     * node. Call inside a transaction.
     */
    Optional<Request> lock(String id);

    /** Adds an approval; the store refuses a second approval of one operator for one request. */
    void addApproval(String requestId, Approval approval);

    void addEvent(String requestId, RequestEvent event);

    /**
     * Moves the request from {@code from} to {@code to}, setting the serial or failure when given.
     *
     * @return false when the request was not in {@code from} (another node moved it first)
     */
    boolean transition(String requestId, RequestState from, RequestState to, @Nullable String certificateSerial,
            @Nullable String failure, Instant at);

    /** How many requests {@code requesterId} made at or after {@code since}: what the rate limit counts. */
    int countByRequesterSince(String requesterId, Instant since);

    /** Oldest first. */
    Page<Request> search(RequestQuery query);
}
