package org.lanyard.core.ca;

import java.security.PublicKey;

/**
 * A signing key that the CA uses and never sees: the private key stays in the key store or on
 * the PKCS#11 token behind it. Implementations: {@code Pkcs12KeyVault}, {@code Pkcs11KeyVault}.
 */
public interface Signer {

    PublicKey publicKey();

    KeyAlgorithm algorithm();

    /**
     * Signs {@code data} with {@link KeyAlgorithm#signatureAlgorithm()} and returns the signature
     * in the encoding X.509 uses (DER for ECDSA, PKCS#1 v1.5 for RSA).
     */
    byte[] sign(byte[] data);
}
