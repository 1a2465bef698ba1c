package org.lanyard.core.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as the store holds it. For a {@code RESERVED} or {@code FAILED} record only the
 * request fields are set; {@code der} and the validity fields are null.
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
        String failureReason) {

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
