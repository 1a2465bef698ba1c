package org.lanyard.core.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as the store holds it. For a {@code RESERVED} or {@code FAILED} record only the
 * request fields are set; {@code der} and the validity fields are null. {@code tbsHash} is the
 * lower-case hex SHA-256 of the linted TBSCertificate, recorded before it was signed
 * (docs/flows/issuance.md step 4); null before the lint, and for records older than V7.
 */
public record CertificateRecord(
        BigInteger serial,
        String issuerId,
        String profileId,
        CertificateStatus status,
        String subject,
        List<SubjectAltName> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        String requestedBy,
        Instant createdAt,
        byte[] der,
        String failureReason,
        String tbsHash) {

    /** A record without a TBS hash: not linted yet, or older than the hash (V7). */
    public CertificateRecord(BigInteger serial, String issuerId, String profileId, CertificateStatus status,
            String subject, List<SubjectAltName> subjectAltNames, Instant notBefore, Instant notAfter,
            String keyAlgorithm, String requestedBy, Instant createdAt, byte[] der, String failureReason) {
        this(serial, issuerId, profileId, status, subject, subjectAltNames, notBefore, notAfter, keyAlgorithm,
                requestedBy, createdAt, der, failureReason, null);
    }

    public CertificateRecord {
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    }

    public String serialHex() {
        return Serials.hex(serial);
    }

    /** Expired is derived from the clock, not stored: a valid certificate past notAfter. */
    public boolean expiredAt(Instant now) {
        return notAfter != null && !now.isBefore(notAfter);
    }
}
