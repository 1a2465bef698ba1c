package org.lanyard.app.metrics;

import java.io.InputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;

/** A {@link KeyVault} whose signers report each signature's latency and outcome to {@link Metrics}. */
public final class MeteredKeyVault implements KeyVault {

    private final KeyVault vault;
    private final Metrics metrics;

    public MeteredKeyVault(KeyVault vault, Metrics metrics) {
        this.vault = vault;
        this.metrics = metrics;
    }

    @Override
    public Signer generate(String alias, KeyAlgorithm algorithm) {
        return new MeteredSigner(vault.generate(alias, algorithm));
    }

    @Override
    public void bindCertificate(String alias, List<X509Certificate> chain) {
        vault.bindCertificate(alias, chain);
    }

    @Override
    public void importKey(String alias, PrivateKey key, List<X509Certificate> chain) {
        vault.importKey(alias, key, chain);
    }

    @Override
    public Signer open(String alias) {
        return new MeteredSigner(vault.open(alias));
    }

    @Override
    public boolean contains(String alias) {
        return vault.contains(alias);
    }

    @Override
    public String kind() {
        return vault.kind();
    }

    private final class MeteredSigner implements Signer {

        private final Signer signer;

        MeteredSigner(Signer signer) {
            this.signer = signer;
        }

        @Override
        public PublicKey publicKey() {
            return signer.publicKey();
        }

        @Override
        public KeyAlgorithm algorithm() {
            return signer.algorithm();
        }

        @Override
        public byte[] sign(byte[] data) {
            return timed(() -> signer.sign(data));
        }

        @Override
        public byte[] sign(InputStream data) {
            return timed(() -> signer.sign(data));
        }

        private byte[] timed(Supplier<byte[]> signing) {
            long start = System.nanoTime();
            boolean ok = false;
            try {
                byte[] signature = signing.get();
                ok = true;
                return signature;
            } finally {
                metrics.signed(signer.algorithm().id(), vault.kind(), Duration.ofNanos(System.nanoTime() - start), ok);
            }
        }
    }
}
