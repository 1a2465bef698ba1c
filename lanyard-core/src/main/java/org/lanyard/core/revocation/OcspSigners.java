package org.lanyard.core.revocation;

import java.time.Instant;
import java.util.Optional;

/** The delegated OCSP responder certificates of each issuer. */
public interface OcspSigners {

    void save(OcspSignerRecord signer);

    /** The newest responder certificate of the issuer that is valid at {@code now}. */
    Optional<OcspSignerRecord> current(String issuerId, Instant now);
}
