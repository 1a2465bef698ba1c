package org.lanyard.core.acme;

import java.time.Duration;
import java.util.List;

/**
 * How the ACME server behaves; every field has a safe default ({@link #defaults}).
 *
 * @param caaIdentities         issuer domain names in CAA records that mean "this CA" (RFC 8659)
 * @param caaRecheckAfter       at finalize, CAA is checked again for validations older than this
 * @param ordersPerAccount      new orders one account may place per {@code window}
 * @param accountsPerAddress    new accounts one client address may create per {@code window}
 * @param certificatesPerDomain certificates per registered domain (last two labels) per {@code window}
 */
public record AcmeOptions(Duration orderLifetime, Duration authorizationLifetime, List<String> caaIdentities,
        Duration caaRecheckAfter, int ordersPerAccount, int accountsPerAddress, int certificatesPerDomain,
        Duration window, String termsOfService, String website) {

    public AcmeOptions {
        caaIdentities = List.copyOf(caaIdentities);
    }

    public static AcmeOptions defaults(List<String> caaIdentities) {
        return new AcmeOptions(Duration.ofDays(7), Duration.ofDays(7), caaIdentities, Duration.ofHours(8), 3000, 500,
                5000, Duration.ofHours(1), null, null);
    }
}
