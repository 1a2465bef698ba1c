package org.lanyard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.crypto.Providers;

/** A software P-256 signer that feeds streamed input to the signature in chunks, as a key vault should. */
final class StreamingSigner implements Signer {

    private final KeyPair keys;

    StreamingSigner(KeyPair keys) {
        this.keys = keys;
    }

    @Override
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    @Override
    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.EC_P256;
    }

    @Override
    public byte[] sign(byte[] data) {
        return sign(new java.io.ByteArrayInputStream(data));
    }

    @Override
    public byte[] sign(InputStream data) {
        try {
            Signature signature = Signature.getInstance(algorithm().signatureAlgorithm(), Providers.bc());
            signature.initSign(keys.getPrivate());
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = data.read(buffer)) > 0; ) {
                signature.update(buffer, 0, n);
            }
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
