package org.lanyard.core.ra;

import java.util.Map;
import java.util.Optional;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Scope;

/**
 * Which principal may request under which profile, in which scope. Named rules, checked in this
 * order; the first that refuses names the error:
 * <ul>
 * <li>{@code permission-denied} (403): an operator needs {@code CERTIFICATE_ISSUE} in the scope;</li>
 * <li>{@code profile-restricted} (403): a profile whose certificates act for their CA (OCSPSigning:
 * a delegated OCSP responder vouches for every certificate of its CA) needs {@code ISSUER_MANAGE}
 * as well (ADR 0010);</li>
 * <li>{@value #APPROVAL_UNSUPPORTED} (422): an ACME account cannot wait for approvals, so it cannot
 * use a profile that needs them.</li>
 * </ul>
 * ACME accounts hold no permissions: the endpoint's profile offer authorises them, and only an
 * operator who passes these rules may put a profile on an endpoint. System jobs act for the system.
 */
public final class ProfileAccess {

    public static final String APPROVAL_UNSUPPORTED = "approval-unsupported";

    private final ProfileStore profiles;

    public ProfileAccess(ProfileStore profiles) {
        this.profiles = profiles;
    }

    /** True when certificates of {@code profile} act for their CA. */
    public static boolean restricted(CertificateProfile profile) {
        return profile.extendedKeyUsage().contains(ExtendedKeyUsage.OCSPSigning);
    }

    /**
     * The profile, when {@code principal} may request under it in {@code scope}.
     *
     * @throws LanyardException {@code profile-unknown} (404), or the refusing rule
     */
    public CertificateProfile require(Principal principal, String profileId, Scope scope) {
        CertificateProfile profile = profiles.find(profileId).orElseThrow(() -> LanyardException.notFound(
                "profile-unknown", "certificate profile '" + profileId + "' does not exist"));
        refusal(principal, profile, scope).ifPresent(e -> {
            throw e;
        });
        return profile;
    }

    /** True when {@code principal} may request under {@code profile} in {@code scope}. */
    public boolean allows(Principal principal, CertificateProfile profile, Scope scope) {
        return refusal(principal, profile, scope).isEmpty();
    }

    /**
     * The profile's own rule for an operator (today {@code profile-restricted}); the route has
     * checked the operator's permission. What an operator must pass to put a profile on an ACME
     * endpoint (ADR 0010). Unknown profiles are left to the caller, which names them.
     */
    public void requireMayIssue(AuthenticatedOperator operator, String profileId) {
        profiles.find(profileId).flatMap(profile -> restriction(new Principal.Operator(operator), profile, Scope.system()))
                .ifPresent(e -> {
                    throw e;
                });
    }

    private static Optional<LanyardException> refusal(Principal principal, CertificateProfile profile, Scope scope) {
        if (principal instanceof Principal.Operator operator && !operator.may(Permission.CERTIFICATE_ISSUE, scope)) {
            return Optional.of(new LanyardException(ErrorKind.FORBIDDEN, "permission-denied", "operator '"
                    + operator.operator().operator().name() + "' lacks permission " + Permission.CERTIFICATE_ISSUE
                    + " in " + scope, Map.of("permission", Permission.CERTIFICATE_ISSUE.name())));
        }
        Optional<LanyardException> restricted = restriction(principal, profile, scope);
        if (restricted.isPresent()) {
            return restricted;
        }
        if (principal instanceof Principal.AcmeAccount && profile.needsApproval()) {
            return Optional.of(approvalUnsupported(profile, "ACME clients cannot wait for approvals"));
        }
        return Optional.empty();
    }

    private static Optional<LanyardException> restriction(Principal principal, CertificateProfile profile, Scope scope) {
        if (principal instanceof Principal.Operator && restricted(profile)
                && !principal.may(Permission.ISSUER_MANAGE, scope)) {
            return Optional.of(new LanyardException(ErrorKind.FORBIDDEN, "profile-restricted", "profile "
                    + profile.id() + " makes certificates that act for the CA; issuing under it needs "
                    + Permission.ISSUER_MANAGE, Map.of("permission", Permission.ISSUER_MANAGE.name())));
        }
        return Optional.empty();
    }

    /** {@value #APPROVAL_UNSUPPORTED}: {@code profile} needs approvals, and {@code why} the channel cannot wait. */
    public static LanyardException approvalUnsupported(CertificateProfile profile, String why) {
        return new LanyardException(ErrorKind.POLICY_REFUSED, APPROVAL_UNSUPPORTED, "profile " + profile.id()
                + " needs " + profile.approvalsRequired() + " approval(s) before issuing; " + why,
                Map.of("rule", APPROVAL_UNSUPPORTED, "approvalsRequired", profile.approvalsRequired()));
    }
}
