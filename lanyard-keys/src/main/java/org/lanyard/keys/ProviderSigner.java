package org.lanyard.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;

/**
 * A {@link Signer} over a JCA private key and the provider that can use it: BouncyCastle for
 * software EC keys, the token's SunPKCS11 instance for keys on a token. Each call takes its own
 * {@link Signature}, so one signer may be shared between threads.
 */
final class ProviderSigner implements Signer {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final KeyAlgorithm algorithm;
    private final Provider provider;

    /** {@code provider} may be null: the JCA then picks one that accepts the key. */
    ProviderSigner(PrivateKey privateKey, PublicKey publicKey, KeyAlgorithm algorithm, Provider provider) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.algorithm = algorithm;
        this.provider = provider;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = provider == null
                    ? Signature.getInstance(algorithm.signatureAlgorithm())
                    : Signature.getInstance(algorithm.signatureAlgorithm(), provider);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new LanyardException(ErrorKind.INTERNAL, "key-sign-failed",
                    "signing with the " + algorithm.id() + " key failed: " + e.getMessage(),
                    java.util.Map.of(), e);
        }
    }
}
