package org.lanyard.core.revocation;

import java.time.Instant;

/**
 * A signed CRL as relying parties download it: the newest full or delta CRL of one shard. Kept
 * in the store so that every node serves the same bytes.
 */
public record PublishedCrl(String issuerId, int shard, boolean delta, long number, Instant thisUpdate,
        Instant nextUpdate, byte[] der) {
}
