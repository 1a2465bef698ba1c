package org.lanyard.core.revocation;

import java.time.Duration;

/**
 * @param validity           nextUpdate − thisUpdate of a response (CA/B Forum: 8 hours to 10 days)
 * @param refreshBefore      a cached response is signed again once it is this close to nextUpdate
 * @param maxCachedResponses bound on the response cache; past it, the cache is emptied
 */
public record OcspSettings(Duration validity, Duration refreshBefore, int maxCachedResponses) {

    public OcspSettings {
        if (validity.isNegative() || validity.isZero() || refreshBefore.isNegative()
                || refreshBefore.compareTo(validity) >= 0 || maxCachedResponses < 0) {
            throw new IllegalArgumentException("need 0 <= refreshBefore < validity and a cache bound >= 0");
        }
    }

    public static OcspSettings defaults() {
        return new OcspSettings(Duration.ofHours(24), Duration.ofHours(12), 200_000);
    }
}
