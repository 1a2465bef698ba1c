package org.lanyard.core.acme;

import java.time.Instant;

/** Port: the cluster-wide record of redeemed nonces and the shared nonce MAC key. */
public interface NonceLedger {

    /** The MAC key every node uses; made once, on first call, by whichever node comes first. */
    byte[] key();

    /** Records the nonce as used; false when it was used before (on any node). */
    boolean redeem(String nonce, Instant expires);

    /** Forgets redeemed nonces that expired before {@code before} (they fail the expiry check anyway). */
    void purge(Instant before);
}
