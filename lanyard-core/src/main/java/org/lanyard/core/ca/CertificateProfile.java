package org.lanyard.core.ca;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.lanyard.core.ca.content.CertificateModifier;
import org.lanyard.core.ca.content.ProfileContent;

/**
 * What a certificate issued under this profile may and must contain, as small named parts. The
 * issuance policy ({@link IssuancePolicy}) checks a request against the parts rule by rule; the
 * parts yield the {@link CertificateModifier}s that build the to-be-signed certificate
 * ({@link #modifiers}, docs/flows/issuance.md step 4). New code reads the parts; the flat
 * accessors below keep the profile's JSON and stored form (and older callers) unchanged.
 *
 * @param id                stable identifier used by the API and ACME, e.g. {@code tls-server}
 * @param keys              which subject keys are accepted, and whether the server may make one
 * @param lifetime          how long certificates live
 * @param subject           subject template and SAN rules
 * @param usage             key usages and extended key usages
 * @param publication       CRL, OCSP and caIssuers URLs, or the issuer's defaults
 * @param issuerId          the issuer that signs; {@code null} for the default issuer
 * @param approvalsRequired how many distinct operators other than the requester approve a request
 *                          before it is issued (four eyes: docs/flows/registration.md); 0 issues at once
 */
public record CertificateProfile(
        String id,
        String name,
        String description,
        KeyPolicy keys,
        ValidityPolicy lifetime,
        SubjectPolicy subject,
        KeyUsagePolicy usage,
        PublicationPolicy publication,
        String issuerId,
        int approvalsRequired) {

    public CertificateProfile {
        description = description == null ? "" : description;
        java.util.Objects.requireNonNull(keys, "keys");
        java.util.Objects.requireNonNull(lifetime, "lifetime");
        java.util.Objects.requireNonNull(subject, "subject");
        java.util.Objects.requireNonNull(usage, "usage");
        java.util.Objects.requireNonNull(publication, "publication");
    }

    /** The flat form of the JSON and the store, field by field. */
    public CertificateProfile(String id, String name, String description, Set<KeyAlgorithm> allowedKeys,
            Duration validity, Set<KeyUsageBit> keyUsage, List<ExtendedKeyUsage> extendedKeyUsage,
            String subjectTemplate, Set<SanType> allowedSanTypes, List<String> allowedDnsNames, boolean sanRequired,
            int maxSans, List<String> crlDistributionPoints, String caIssuersUrl, String ocspUrl,
            boolean serverKeyGeneration, String issuerId, int approvalsRequired) {
        this(id, name, description, new KeyPolicy(allowedKeys, serverKeyGeneration), new ValidityPolicy(validity),
                new SubjectPolicy(subjectTemplate, allowedSanTypes, allowedDnsNames, sanRequired, maxSans),
                new KeyUsagePolicy(keyUsage, extendedKeyUsage),
                new PublicationPolicy(crlDistributionPoints, caIssuersUrl, ocspUrl), issuerId, approvalsRequired);
    }

    /** The flat form of a profile that needs no approval (the default). */
    public CertificateProfile(String id, String name, String description, Set<KeyAlgorithm> allowedKeys,
            Duration validity, Set<KeyUsageBit> keyUsage, List<ExtendedKeyUsage> extendedKeyUsage,
            String subjectTemplate, Set<SanType> allowedSanTypes, List<String> allowedDnsNames, boolean sanRequired,
            int maxSans, List<String> crlDistributionPoints, String caIssuersUrl, String ocspUrl,
            boolean serverKeyGeneration, String issuerId) {
        this(id, name, description, allowedKeys, validity, keyUsage, extendedKeyUsage, subjectTemplate,
                allowedSanTypes, allowedDnsNames, sanRequired, maxSans, crlDistributionPoints, caIssuersUrl, ocspUrl,
                serverKeyGeneration, issuerId, 0);
    }

    /** This profile with {@code approvals} required approvals. */
    public CertificateProfile withApprovalsRequired(int approvals) {
        return new CertificateProfile(id, name, description, keys, lifetime, subject, usage, publication, issuerId,
                approvals);
    }

    /** True when requests under this profile wait for approvals before the CA issues. */
    public boolean needsApproval() {
        return approvalsRequired > 0;
    }

    /** The extensions the key usages imply (basic constraints, OCSP nocheck, revocation pointers). */
    public ExtensionsPolicy extensions() {
        return ExtensionsPolicy.of(usage);
    }

    /**
     * The modifiers that build a certificate under this profile, in the order they run (and the
     * order the extensions appear in the certificate).
     *
     * @param urls the issuer's publication URLs for this certificate, for what the profile leaves open
     */
    public List<CertificateModifier> modifiers(PublicationUrls.Urls urls) {
        return ProfileContent.modifiers(this, urls);
    }

    // Flat accessors: the JSON and stored form, and callers that predate the parts.

    public Set<KeyAlgorithm> allowedKeys() {
        return keys.allowed();
    }

    public boolean serverKeyGeneration() {
        return keys.serverKeyGeneration();
    }

    public Duration validity() {
        return lifetime.validity();
    }

    public String subjectTemplate() {
        return subject.template();
    }

    public Set<SanType> allowedSanTypes() {
        return subject.allowedSanTypes();
    }

    public List<String> allowedDnsNames() {
        return subject.allowedDnsNames();
    }

    public boolean sanRequired() {
        return subject.sanRequired();
    }

    public int maxSans() {
        return subject.maxSans();
    }

    public Set<KeyUsageBit> keyUsage() {
        return usage.keyUsage();
    }

    public List<ExtendedKeyUsage> extendedKeyUsage() {
        return usage.extendedKeyUsage();
    }

    public List<String> crlDistributionPoints() {
        return publication.crlDistributionPoints();
    }

    public String caIssuersUrl() {
        return publication.caIssuersUrl();
    }

    public String ocspUrl() {
        return publication.ocspUrl();
    }
}
