package org.lanyard.core.ca;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/** Creates or replaces a certificate profile after checking that it can issue sensible certificates. */
public class SaveProfile {

    static final Duration MAX_VALIDITY = Duration.ofDays(20 * 365);
    /** More approvers than any organisation staffs is a typo, not a policy. */
    static final int MAX_APPROVALS = 10;

    private final ProfileStore profiles;
    private final IssuerStore issuers;
    private final Transactions tx;
    private final AuditTrail audit;

    public SaveProfile(ProfileStore profiles, IssuerStore issuers, Transactions tx, AuditTrail audit) {
        this.profiles = profiles;
        this.issuers = issuers;
        this.tx = tx;
        this.audit = audit;
    }

    public CertificateProfile save(CertificateProfile profile, Actor actor) {
        validate(profile);
        boolean exists = profiles.find(profile.id()).isPresent();
        tx.run(() -> {
            profiles.save(profile);
            audit.record(actor, exists ? "profile.updated" : "profile.created", profile.id(), Map.of("name",
                    profile.name(), "validity", profile.validity().toString(), "approvalsRequired",
                    Integer.toString(profile.approvalsRequired())));
        });
        return profile;
    }

    void validate(CertificateProfile p) {
        require(p.id() != null && p.id().matches("[a-z0-9][a-z0-9-]{0,62}"),
                "id is 1 to 63 lower-case letters, digits and dashes");
        require(p.name() != null && !p.name().isBlank() && p.name().length() <= 200, "name is required (at most 200 characters)");
        require(!p.allowedKeys().isEmpty(), "at least one key algorithm must be allowed");
        require(p.validity() != null && !p.validity().isNegative() && !p.validity().isZero()
                && p.validity().compareTo(MAX_VALIDITY) <= 0, "validity must be positive and at most 20 years");
        require(!p.extendedKeyUsage().contains(ExtendedKeyUsage.serverAuth)
                || p.validity().compareTo(Duration.ofDays(398)) <= 0,
                "TLS server profiles may not exceed 398 days (CA/Browser Forum)");
        try {
            SubjectTemplate.parse(p.subjectTemplate());
        } catch (IllegalArgumentException e) {
            throw invalid("subject template: " + e.getMessage());
        }
        require(p.maxSans() >= 0 && p.maxSans() <= 1000, "maxSans is between 0 and 1000");
        require(p.approvalsRequired() >= 0 && p.approvalsRequired() <= MAX_APPROVALS,
                "approvalsRequired is between 0 and " + MAX_APPROVALS);
        require(!p.sanRequired() || (!p.allowedSanTypes().isEmpty() && p.maxSans() > 0),
                "a profile that requires SANs must allow some");
        for (String pattern : p.allowedDnsNames()) {
            require(pattern.equals("*") || IssuanceRules.validDnsName(pattern),
                    "'" + pattern + "' is not a DNS name pattern (*, name, or *.name)");
        }
        for (String url : p.crlDistributionPoints()) {
            requireUrl(url);
        }
        if (p.ocspUrl() != null && !p.ocspUrl().isBlank()) {
            requireUrl(p.ocspUrl());
        }
        if (p.caIssuersUrl() != null && !p.caIssuersUrl().isBlank()) {
            requireUrl(p.caIssuersUrl());
        }
        if (p.issuerId() != null && !p.issuerId().isBlank()) {
            var issuer = issuers.find(p.issuerId());
            require(issuer.isPresent(), "issuer '" + p.issuerId() + "' does not exist");
            // a root CA signs issuing CAs and CRLs, never end-entity certificates online
            require(!issuer.get().selfSigned(), "issuer '" + p.issuerId() + "' is a root CA; profiles use an issuing CA");
        }
    }

    private static void requireUrl(String url) {
        try {
            URI uri = new URI(url);
            require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                    "'" + url + "' is not an http(s) URL");
        } catch (java.net.URISyntaxException e) {
            throw invalid("'" + url + "' is not a URL");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw invalid(message);
        }
    }

    private static LanyardException invalid(String message) {
        return LanyardException.invalid("profile-invalid", message);
    }
}
