package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.Permission;

/**
 * The requester withdraws a pending request, or an operator with {@code REQUEST_APPROVE} cancels
 * it (rule {@value #RULE}); it ends CANCELLED, with its history and audit events in one
 * transaction. docs/flows/registration.md.
 */
public class CancelRequest {

    public static final String RULE = "cancel-by-requester-or-approver";

    private final RequestRecords records;

    public CancelRequest(RequestRecords records) {
        this.records = records;
    }

    /**
     * @throws LanyardException {@code request-unknown} (404), {@code request-not-pending} (409),
     *                          {@value #RULE} (403)
     */
    public Request cancel(Principal caller, String requestId, @Nullable String comment) {
        String note = RequestRecords.comment(comment);
        records.inTransaction(() -> {
            Request request = records.lock(requestId);
            RequestRecords.requirePending(request);
            if (!request.requester().is(caller.actor()) && !caller.may(Permission.REQUEST_APPROVE, request.scope())) {
                throw new LanyardException(ErrorKind.FORBIDDEN, RULE, "refused by rule " + RULE + ": "
                        + caller.actor().name() + " neither made request " + requestId + " nor holds "
                        + Permission.REQUEST_APPROVE, Map.of("rule", RULE));
            }
            records.move(request, RequestState.CANCELLED, caller.actor(), note, null, null);
            return null;
        });
        return records.find(requestId);
    }
}
