package org.lanyard.core.ca;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a certificate issued under this profile may and must contain. The issuance policy
 * ({@link IssuancePolicy}) checks a request against it rule by rule; {@link Certificates}
 * builds the to-be-signed certificate from it.
 *
 * @param id                  stable identifier used by the API and ACME, e.g. {@code tls-server}
 * @param allowedKeys         key types a subject key may have
 * @param validity            how long certificates live; cut to the issuer's own end of validity
 * @param subjectTemplate     RFC 4514 DN with {@code ${variables}}, e.g. {@code CN=${cn},O=Example}; empty for no subject
 * @param allowedSanTypes     SAN types a request may carry
 * @param allowedDnsNames     DNS name patterns: {@code *} for any, {@code example.com} exactly, {@code *.example.com} for any subdomain
 * @param sanRequired         at least one SAN must be present
 * @param maxSans             upper bound on the number of SANs
 * @param serverKeyGeneration the server may generate the key and return it as PKCS#12
 * @param issuerId            the issuer that signs; {@code null} for the default issuer
 * @param approvalsRequired   how many distinct operators other than the requester approve a request
 *                            before it is issued (four eyes: docs/flows/registration.md); 0 issues at once
 */
public record CertificateProfile(
        String id,
        String name,
        String description,
        Set<KeyAlgorithm> allowedKeys,
        Duration validity,
        Set<KeyUsageBit> keyUsage,
        List<ExtendedKeyUsage> extendedKeyUsage,
        String subjectTemplate,
        Set<SanType> allowedSanTypes,
        List<String> allowedDnsNames,
        boolean sanRequired,
        int maxSans,
        List<String> crlDistributionPoints,
        String caIssuersUrl,
        String ocspUrl,
        boolean serverKeyGeneration,
        String issuerId,
        int approvalsRequired) {

    /** A profile that needs no approval (the default). */
    public CertificateProfile(String id, String name, String description, Set<KeyAlgorithm> allowedKeys,
            Duration validity, Set<KeyUsageBit> keyUsage, List<ExtendedKeyUsage> extendedKeyUsage,
            String subjectTemplate, Set<SanType> allowedSanTypes, List<String> allowedDnsNames, boolean sanRequired,
            int maxSans, List<String> crlDistributionPoints, String caIssuersUrl, String ocspUrl,
            boolean serverKeyGeneration, String issuerId) {
        this(id, name, description, allowedKeys, validity, keyUsage, extendedKeyUsage, subjectTemplate,
                allowedSanTypes, allowedDnsNames, sanRequired, maxSans, crlDistributionPoints, caIssuersUrl, ocspUrl,
                serverKeyGeneration, issuerId, 0);
    }

    public CertificateProfile {
        allowedKeys = Set.copyOf(allowedKeys);
        keyUsage = Set.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        allowedSanTypes = Set.copyOf(allowedSanTypes);
        allowedDnsNames = List.copyOf(allowedDnsNames);
        crlDistributionPoints = List.copyOf(crlDistributionPoints);
        subjectTemplate = subjectTemplate == null ? "" : subjectTemplate;
        description = description == null ? "" : description;
    }

    /** This profile with {@code approvals} required approvals. */
    public CertificateProfile withApprovalsRequired(int approvals) {
        return new CertificateProfile(id, name, description, allowedKeys, validity, keyUsage, extendedKeyUsage,
                subjectTemplate, allowedSanTypes, allowedDnsNames, sanRequired, maxSans, crlDistributionPoints,
                caIssuersUrl, ocspUrl, serverKeyGeneration, issuerId, approvals);
    }

    /** True when requests under this profile wait for approvals before the CA issues. */
    public boolean needsApproval() {
        return approvalsRequired > 0;
    }
}
