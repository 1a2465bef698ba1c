package org.lanyard.core.ca;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.lanyard.core.LanyardException;

/**
 * Steps 1 and 2 of issuance (docs/flows/issuance.md) and nothing else: the profile, its issuer,
 * and every named rule of the issuance policy. The registration authority runs this before it
 * records a request, so bad input is refused with the same codes as ever and changes nothing;
 * {@link IssueCertificate} runs the same checks again when it issues, which may be days later.
 */
public class CheckIssuance {

    private final ProfileStore profiles;
    private final Issuers issuers;
    private final IssuancePolicy policy;
    private final Clock clock;

    public CheckIssuance(ProfileStore profiles, Issuers issuers, IssuancePolicy policy, Clock clock) {
        this.profiles = profiles;
        this.issuers = issuers;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the checks found: the profile and the issuer that would sign. */
    public record Checked(CertificateProfile profile, Issuer issuer) {
    }

    /** @throws LanyardException {@code profile-unknown}, {@code issuer-unknown} (404) or the refusing rule (422) */
    public Checked check(IssuanceRequest request) {
        CertificateProfile profile = profiles.find(request.profileId()).orElseThrow(() -> LanyardException.notFound(
                "profile-unknown", "certificate profile '" + request.profileId() + "' does not exist"));
        Issuer issuer = issuers.find(request.issuerId() != null ? request.issuerId() : profile.issuerId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        policy.check(new IssuanceContext(profile, issuer, request.csr(), request.variables(), now));
        return new Checked(profile, issuer);
    }
}
