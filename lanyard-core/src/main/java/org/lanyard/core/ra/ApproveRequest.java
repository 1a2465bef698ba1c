package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.operator.AuthenticatedOperator;

/**
 * An operator approves a pending request. The approval, its history event and its audit event
 * commit together, with the request row locked, so concurrent approvals count one after another
 * on every node. The approval that reaches the number the profile requires moves the request to
 * APPROVED in the same transaction; then the CA issues (policy and lint run again) and the
 * request becomes COMPLETED, or FAILED with the CA's code. docs/flows/registration.md.
 */
public class ApproveRequest {

    private final RequestRecords records;
    private final ApprovalPolicy policy;
    private final ProfileStore profiles;
    private final FulfilRequest fulfil;

    public ApproveRequest(RequestRecords records, ApprovalPolicy policy, ProfileStore profiles, IssueCertificate issue) {
        this.records = records;
        this.policy = policy;
        this.profiles = profiles;
        this.fulfil = new FulfilRequest(issue, records);
    }

    /**
     * @param comment optional, at most {@value RequestRecords#MAX_COMMENT} characters
     * @return the request after the approval: still PENDING, or COMPLETED or FAILED
     * @throws LanyardException {@code request-unknown} (404), {@code request-not-pending} (409), or
     *                          the {@link ApprovalPolicy} rule that refused
     */
    public Request approve(AuthenticatedOperator approver, String requestId, @Nullable String comment) {
        String note = RequestRecords.comment(comment);
        Request approved = records.inTransaction(() -> {
            Request request = records.lock(requestId);
            RequestRecords.requirePending(request);
            policy.check(approver, request);
            int given = request.approvals().size() + 1;
            int needed = needed(request);
            records.approve(request, approver.actor(), note, given, needed);
            if (given < needed) {
                return null;
            }
            records.move(request, RequestState.APPROVED, approver.actor(),
                    given + " of " + needed + " approvals", null, null);
            return records.find(requestId);
        });
        if (approved == null) {
            return records.find(requestId);
        }
        return fulfil.fulfil(approved, approver.actor()).request();
    }

    /** The profile's number when the request was made, or its current one if an operator has raised it since. */
    private int needed(Request request) {
        int now = profiles.find(request.profileId()).map(p -> p.approvalsRequired()).orElse(0);
        return Math.max(1, Math.max(request.approvalsRequired(), now));
    }
}
