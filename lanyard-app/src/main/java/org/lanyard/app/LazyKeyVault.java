package org.lanyard.app;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;

/**
 * Opens the real vault on first use, so commands that never sign ({@code audit verify},
 * {@code list}, {@code show}) need neither the key store password nor the token PIN.
 */
final class LazyKeyVault implements KeyVault {

    private final Supplier<KeyVault> opener;
    private final String kind;
    private volatile KeyVault vault;

    LazyKeyVault(Supplier<KeyVault> opener, String kind) {
        this.opener = opener;
        this.kind = kind;
    }

    private KeyVault vault() {
        KeyVault v = vault;
        if (v == null) {
            synchronized (this) {
                if (vault == null) {
                    vault = opener.get();
                }
                v = vault;
            }
        }
        return v;
    }

    @Override
    public Signer generate(String alias, KeyAlgorithm algorithm) {
        return vault().generate(alias, algorithm);
    }

    @Override
    public void bindCertificate(String alias, List<X509Certificate> chain) {
        vault().bindCertificate(alias, chain);
    }

    @Override
    public void importKey(String alias, PrivateKey key, List<X509Certificate> chain) {
        vault().importKey(alias, key, chain);
    }

    @Override
    public Signer open(String alias) {
        return vault().open(alias);
    }

    @Override
    public boolean contains(String alias) {
        return vault().contains(alias);
    }

    @Override
    public String kind() {
        return kind;
    }
}
