package org.lanyard.core.ca;

import java.time.Instant;
import org.lanyard.core.PageRequest;

/**
 * Filters for listing certificates; {@code null} fields do not filter. {@code subject} and
 * {@code san} match a substring, case-insensitively; expiry bounds are inclusive-exclusive.
 * Newest first.
 */
public record CertificateQuery(
        String subject,
        String san,
        String profileId,
        String issuerId,
        CertificateStatus status,
        Instant expiresAfter,
        Instant expiresBefore,
        PageRequest page) {

    public static CertificateQuery all(PageRequest page) {
        return new CertificateQuery(null, null, null, null, null, null, null, page);
    }
}
