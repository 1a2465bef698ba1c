package org.lanyard.core.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.crypto.Providers;

/** A signer over an in-memory key that feeds streamed input to the signature in chunks. */
final class SoftwareSigner implements Signer {

    private final KeyPair keys;
    private final KeyAlgorithm algorithm;
    volatile long streamedBytes;

    SoftwareSigner(KeyPair keys, KeyAlgorithm algorithm) {
        this.keys = keys;
        this.algorithm = algorithm;
    }

    static SoftwareSigner generate(KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.family(), Providers.bc());
            if (algorithm.curve() != null) {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()));
            } else {
                generator.initialize(algorithm.size());
            }
            return new SoftwareSigner(generator.generateKeyPair(), algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    @Override
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] sign(InputStream data) {
        try {
            Signature signature = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            signature.initSign(keys.getPrivate());
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = data.read(buffer)) > 0; ) {
                signature.update(buffer, 0, n);
                total += n;
            }
            streamedBytes = total;
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
