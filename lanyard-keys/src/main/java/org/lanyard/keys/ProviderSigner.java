package org.lanyard.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private static final int CHUNK = 64 * 1024;

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
            Signature signature = start();
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Feeds the engine in chunks ({@code C_SignUpdate} on a token), so a CRL of any size is
     * signed in the memory of one buffer.
     */
    @Override
    public byte[] sign(InputStream data) {
        try {
            Signature signature = start();
            byte[] buffer = new byte[CHUNK];
            for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                signature.update(buffer, 0, n);
            }
            return signature.sign();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failed(e);
        }
    }

    private Signature start() throws GeneralSecurityException {
        Signature signature = provider == null
                ? Signature.getInstance(algorithm.signatureAlgorithm())
                : Signature.getInstance(algorithm.signatureAlgorithm(), provider);
        signature.initSign(privateKey);
        return signature;
    }

    private LanyardException failed(Exception e) {
        return new LanyardException(ErrorKind.INTERNAL, "key-sign-failed",
                "signing with the " + algorithm.id() + " key failed: " + e.getMessage(), java.util.Map.of(), e);
    }
}
