package org.lanyard.core.ra;

import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;

/**
 * Who may approve a request (four eyes, docs/flows/registration.md). Named rules, checked in
 * this order; the first that refuses names the error:
 * <ul>
 * <li>{@code permission-denied} (403): the approver holds {@code REQUEST_APPROVE} in the request's scope;</li>
 * <li>{@value #BY_REQUESTER} (422): nobody approves their own request;</li>
 * <li>{@value #DUPLICATE} (422): each approval is by a different operator;</li>
 * <li>{@value #MAY_ISSUE} (403): nobody approves what they could not issue themselves
 * (ADR 0010: {@link ProfileAccess}'s rules, with the approver as the principal).</li>
 * </ul>
 */
public final class ApprovalPolicy {

    public static final String BY_REQUESTER = "approval-by-requester";
    public static final String DUPLICATE = "approval-duplicate";
    public static final String MAY_ISSUE = "approver-may-issue";

    private final ProfileAccess access;
    private final ProfileStore profiles;

    public ApprovalPolicy(ProfileAccess access, ProfileStore profiles) {
        this.access = access;
        this.profiles = profiles;
    }

    /** @throws LanyardException the first rule that refuses {@code approver} for {@code request} */
    public void check(AuthenticatedOperator approver, Request request) {
        requireMayDecide(approver, request);
        if (request.requester().is(approver.actor())) {
            throw refused(ErrorKind.POLICY_REFUSED, BY_REQUESTER, "operator '" + approver.operator().name()
                    + "' made request " + request.id() + " and cannot approve it; another operator must");
        }
        if (request.approvedBy(approver.actor())) {
            throw refused(ErrorKind.POLICY_REFUSED, DUPLICATE, "operator '" + approver.operator().name()
                    + "' has already approved request " + request.id() + "; approvals come from different operators");
        }
        CertificateProfile profile = profiles.find(request.profileId()).orElse(null);
        if (profile == null || !access.allows(new Principal.Operator(approver), profile, request.scope())) {
            throw refused(ErrorKind.FORBIDDEN, MAY_ISSUE, "operator '" + approver.operator().name()
                    + "' could not issue under profile " + request.profileId() + " itself, so it cannot approve it");
        }
    }

    /** {@code permission-denied} unless {@code operator} holds {@code REQUEST_APPROVE} in the request's scope. */
    static void requireMayDecide(AuthenticatedOperator operator, Request request) {
        if (!operator.may(Permission.REQUEST_APPROVE, request.scope())) {
            throw new LanyardException(ErrorKind.FORBIDDEN, "permission-denied", "operator '"
                    + operator.operator().name() + "' lacks permission " + Permission.REQUEST_APPROVE + " in "
                    + request.scope(), Map.of("permission", Permission.REQUEST_APPROVE.name()));
        }
    }

    private static LanyardException refused(ErrorKind kind, String rule, String reason) {
        return new LanyardException(kind, rule, "refused by rule " + rule + ": " + reason, Map.of("rule", rule));
    }
}
