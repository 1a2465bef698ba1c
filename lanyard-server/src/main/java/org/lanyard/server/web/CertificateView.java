package org.lanyard.server.web;

import java.time.Clock;
import java.util.List;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.revocation.Revocation;

/**
 * A certificate as the API shows it. {@code status} is {@code valid}, {@code expired},
 * {@code on-hold}, {@code revoked}, {@code reserved} or {@code failed}; {@code certificate} is
 * the PEM (absent for reserved and failed records, and in lists). For revoked and held
 * certificates {@code revocationReason} (RFC 5280 name), {@code revokedAt} and, if given,
 * {@code invalidityDate}.
 */
public record CertificateView(
        String serial,
        String status,
        String issuer,
        String profile,
        String subject,
        List<String> subjectAltNames,
        String notBefore,
        String notAfter,
        String keyAlgorithm,
        String requestedBy,
        String createdAt,
        String certificate,
        String revocationReason,
        String revokedAt,
        String invalidityDate) {

    CertificateView withRevocation(Revocation r) {
        return new CertificateView(serial, status, issuer, profile, subject, subjectAltNames, notBefore, notAfter,
                keyAlgorithm, requestedBy, createdAt, certificate, r.reason().name(), r.revokedAt().toString(),
                r.invalidityDate() == null ? null : r.invalidityDate().toString());
    }

    static CertificateView of(CertificateRecord r, Clock clock, boolean withPem) {
        return new CertificateView(r.serialHex(), status(r, clock), r.issuerId(), r.profileId(), r.subject(),
                r.subjectAltNames().stream().map(SubjectAltName::toString).toList(),
                r.notBefore() == null ? null : r.notBefore().toString(),
                r.notAfter() == null ? null : r.notAfter().toString(), r.keyAlgorithm(), r.requestedBy(),
                r.createdAt() == null ? null : r.createdAt().toString(),
                withPem && r.der() != null ? Pem.certificate(Certificates.parse(r.der())) : null, null, null, null);
    }

    static String status(CertificateRecord r, Clock clock) {
        if (r.status() == CertificateStatus.VALID && r.expiredAt(clock.instant())) {
            return "expired";
        }
        return r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
