package org.lanyard.core.acme;

import java.time.Duration;
import java.time.Instant;

/**
 * ACME Renewal Information (RFC 9773): the suggested renewal window for a certificate. Lanyard
 * suggests the span from two thirds to three quarters of the certificate's lifetime, the
 * window Let's Encrypt uses; a revoked certificate (once revocation exists) gets a window in
 * the past, which tells clients to renew now.
 */
public final class RenewalInfo {

    public record Window(Instant start, Instant end) {
    }

    private RenewalInfo() {
    }

    public static Window window(Instant notBefore, Instant notAfter, boolean revoked, Instant now) {
        if (revoked) {
            return new Window(now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(1)));
        }
        Duration lifetime = Duration.between(notBefore, notAfter);
        return new Window(notBefore.plus(lifetime.multipliedBy(2).dividedBy(3)),
                notBefore.plus(lifetime.multipliedBy(3).dividedBy(4)));
    }
}
