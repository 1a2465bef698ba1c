package org.lanyard.core.ca;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certificate authority Lanyard signs with: its certificate chain (its own certificate first,
 * the root last) and the alias of its key in the {@link KeyVault}.
 */
public record Issuer(String id, String name, List<X509Certificate> chain, String keyAlias, boolean defaultIssuer,
        Instant createdAt) {

    public Issuer {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an issuer needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** A root: its certificate names itself as issuer and verifies with its own key. */
    public boolean selfSigned() {
        X509Certificate cert = certificate();
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey(), org.lanyard.core.crypto.Providers.bc());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
