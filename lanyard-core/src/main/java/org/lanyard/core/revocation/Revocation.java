package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate's current entry on its issuer's CRL: revoked for good, or on hold.
 *
 * @param shard          the CRL shard of the serial ({@link CrlShards#shardOf})
 * @param invalidityDate when the key is known or suspected to have become unusable; may be null
 * @param sequence       the change sequence that put the entry into this state
 */
public record Revocation(BigInteger serial, String issuerId, int shard, RevocationReason reason, Instant revokedAt,
        Instant invalidityDate, long sequence) {

    public Revocation {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (reason == RevocationReason.removeFromCRL) {
            throw new IllegalArgumentException("removeFromCRL is not a revocation");
        }
    }

    public boolean onHold() {
        return reason.isHold();
    }
}
