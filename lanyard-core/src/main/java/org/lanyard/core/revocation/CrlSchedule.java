package org.lanyard.core.revocation;

import java.time.Duration;

/**
 * The stored part of an issuer's CRL policy; the URLs come from configuration
 * ({@link CrlPolicy} joins both).
 *
 * @param shards        fixed once the issuer has certificates (ADR 0007)
 * @param deltas        whether delta CRLs are published
 * @param validity      nextUpdate − thisUpdate of a full CRL
 * @param deltaValidity nextUpdate − thisUpdate of a delta CRL
 */
public record CrlSchedule(int shards, boolean deltas, Duration validity, Duration deltaValidity) {

    public CrlSchedule {
        if (shards < 1 || shards > CrlShards.MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1 to " + CrlShards.MAX_SHARDS);
        }
        if (validity.isNegative() || validity.isZero() || deltaValidity.isNegative() || deltaValidity.isZero()) {
            throw new IllegalArgumentException("CRL validities must be positive");
        }
    }
}
