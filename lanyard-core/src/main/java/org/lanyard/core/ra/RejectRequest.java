package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.AuthenticatedOperator;

/**
 * An operator with {@code REQUEST_APPROVE} rejects a pending request: it ends REJECTED, with its
 * history and audit events in one transaction, and is never issued. docs/flows/registration.md.
 */
public class RejectRequest {

    private final RequestRecords records;

    public RejectRequest(RequestRecords records) {
        this.records = records;
    }

    /**
     * @throws LanyardException {@code request-unknown} (404), {@code request-not-pending} (409),
     *                          {@code permission-denied} (403)
     */
    public Request reject(AuthenticatedOperator operator, String requestId, @Nullable String comment) {
        String note = RequestRecords.comment(comment);
        records.inTransaction(() -> {
            Request request = records.lock(requestId);
            RequestRecords.requirePending(request);
            ApprovalPolicy.requireMayDecide(operator, request);
            records.move(request, RequestState.REJECTED, operator.actor(), note, null, null);
            return null;
        });
        return records.find(requestId);
    }
}
