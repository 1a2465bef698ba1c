package org.lanyard.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.revocation.Revocation;
import org.lanyard.core.revocation.RevocationReason;
import org.lanyard.app.Lanyard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lanyard revoke SERIAL --reason R}: the same use case as the API, offline. The server
 * publishes the shard's new CRL on its next job run (docs/flows/revocation.md).
 */
@Command(name = "revoke", description = "Revoke a certificate (certificateHold suspends it).")
class RevokeCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "SERIAL", description = "serial number (hex)")
    String serial;

    @Option(names = "--reason", defaultValue = "unspecified",
            description = "RFC 5280 reason: keyCompromise, cACompromise, affiliationChanged, superseded, "
                    + "cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise, unspecified")
    String reason;

    @Option(names = "--invalidity-date", paramLabel = "ISO-8601", description = "when the key became unusable")
    Instant invalidityDate;

    @Override
    public Integer call() {
        try (Lanyard lanyard = data.open(data.settings())) {
            Revocation r = lanyard.validation().revoke(Serials.parse(serial), RevocationReason.forRevocation(reason),
                    invalidityDate, Actor.SYSTEM);
            System.out.println((r.onHold() ? "held " : "revoked ") + Serials.hex(r.serial()) + " (" + r.reason()
                    + ") at " + r.revokedAt() + ", CRL shard " + r.shard());
        }
        return 0;
    }
}
