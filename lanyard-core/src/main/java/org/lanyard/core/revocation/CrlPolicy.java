package org.lanyard.core.revocation;

import java.time.Duration;
import java.util.Objects;

/**
 * How an issuer publishes CRLs.
 *
 * @param shards           number of CRL shards, 1 to {@link CrlShards#MAX_SHARDS}; fixed once the
 *                         issuer has certificates (the shard is in each certificate)
 * @param urlTemplate      where a full CRL shard is published, with {@code ${shard}} when
 *                         {@code shards > 1}; it is also the CRL's Issuing Distribution Point
 * @param deltaUrlTemplate where delta CRLs are published (Freshest CRL pointer); null: no deltas
 * @param validity         nextUpdate − thisUpdate of a full CRL
 * @param deltaValidity    nextUpdate − thisUpdate of a delta CRL
 * @param onlyUserCerts    the issuer signs end-entity certificates only (IDP onlyContainsUserCerts)
 */
public record CrlPolicy(int shards, String urlTemplate, String deltaUrlTemplate, Duration validity,
        Duration deltaValidity, boolean onlyUserCerts) {

    public CrlPolicy {
        if (shards < 1 || shards > CrlShards.MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1 to " + CrlShards.MAX_SHARDS);
        }
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        if (shards > 1 && !urlTemplate.contains(CrlShards.PLACEHOLDER)) {
            throw new IllegalArgumentException("a sharded CRL URL needs " + CrlShards.PLACEHOLDER);
        }
        if (deltaUrlTemplate != null && shards > 1 && !deltaUrlTemplate.contains(CrlShards.PLACEHOLDER)) {
            throw new IllegalArgumentException("a sharded delta CRL URL needs " + CrlShards.PLACEHOLDER);
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        deltaValidity = deltaValidity == null ? validity : deltaValidity;
    }

    /** One full CRL, no deltas, valid for a day. */
    public static CrlPolicy single(String url) {
        return new CrlPolicy(1, url, null, Duration.ofDays(1), null, true);
    }

    public boolean deltas() {
        return deltaUrlTemplate != null;
    }

    public int shardOf(java.math.BigInteger serial) {
        return CrlShards.shardOf(serial, shards);
    }
}
