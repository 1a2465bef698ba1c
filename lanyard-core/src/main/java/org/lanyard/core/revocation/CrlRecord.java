package org.lanyard.core.revocation;

import java.time.Instant;

/**
 * A CRL that was generated: its number and the highest change sequence of its shard it
 * reflects. A delta CRL built on a full CRL lists exactly the changes after
 * {@code coversSequence} of that full CRL.
 *
 * @param baseNumber for a delta CRL the number of its base (full) CRL; null for a full CRL
 */
public record CrlRecord(String issuerId, int shard, long number, long coversSequence, Long baseNumber,
        Instant thisUpdate, Instant nextUpdate, long entries) {

    public boolean delta() {
        return baseNumber != null;
    }
}
