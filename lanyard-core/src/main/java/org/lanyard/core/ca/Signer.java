package org.lanyard.core.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /**
     * Signs everything {@code data} yields, for inputs too large to hold in memory (a CRL with a
     * million entries). This default reads the whole stream and calls {@link #sign(byte[])};
     * vaults that can feed their signature engine in chunks ({@code Signature.update},
     * PKCS#11 {@code C_SignUpdate}) should override it so CRL generation stays bounded in memory.
     */
    default byte[] sign(InputStream data) {
        try {
            return sign(data.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
