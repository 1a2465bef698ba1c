package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A delegated OCSP responder certificate of an issuer, as stored: the key lives in the key vault
 * under {@code keyAlias}.
 */
public record OcspSignerRecord(String keyAlias, String issuerId, BigInteger serial, Instant notBefore,
        Instant notAfter, byte[] der) {
}
