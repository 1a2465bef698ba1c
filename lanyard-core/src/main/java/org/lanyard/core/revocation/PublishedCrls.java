package org.lanyard.core.revocation;

import java.util.Optional;

/** Where generated CRLs are kept for serving: the newest full and the newest delta per shard. */
public interface PublishedCrls {

    /** Replaces the shard's full (or delta) CRL, unless a CRL with a higher number is there already. */
    void publish(PublishedCrl crl);

    Optional<PublishedCrl> latest(String issuerId, int shard, boolean delta);
}
