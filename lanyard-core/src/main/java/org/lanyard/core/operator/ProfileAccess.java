package org.lanyard.core.operator;

import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.ProfileStore;

/**
 * Which operators may issue under which profile. Holding {@code CERTIFICATE_ISSUE} is enough for
 * ordinary profiles; a profile whose certificates carry a CA's powers — a delegated OCSP
 * responder (OCSPSigning: it vouches for every certificate of its CA) — needs
 * {@code ISSUER_MANAGE} as well.
 */
public final class ProfileAccess {

    private final ProfileStore profiles;

    public ProfileAccess(ProfileStore profiles) {
        this.profiles = profiles;
    }

    /** True when certificates of {@code profile} act for their CA. */
    public static boolean restricted(CertificateProfile profile) {
        return profile.extendedKeyUsage().contains(ExtendedKeyUsage.OCSPSigning);
    }

    /** Refuses when {@code operator} may not issue under {@code profileId}; unknown profiles are left to issuance. */
    public void requireMayIssue(AuthenticatedOperator operator, String profileId) {
        profiles.find(profileId).filter(ProfileAccess::restricted).ifPresent(profile -> {
            if (!operator.may(Permission.ISSUER_MANAGE)) {
                throw new LanyardException(ErrorKind.FORBIDDEN, "profile-restricted", "profile " + profile.id()
                        + " makes certificates that act for the CA; issuing under it needs " + Permission.ISSUER_MANAGE,
                        Map.of("permission", Permission.ISSUER_MANAGE.name()));
            }
        });
    }
}
