package org.lanyard.core.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where CA private keys live: an encrypted PKCS#12 key store or a PKCS#11 token. Keys made here
 * are usable at once; {@link #bindCertificate} stores the certificate chain beside the key, after
 * which {@link #open} finds it again (also after a restart).
 */
public interface KeyVault {

    /** Generates a new key pair under {@code alias}; fails if the alias exists. */
    Signer generate(String alias, KeyAlgorithm algorithm);

    /** Stores the certificate chain (the key's own certificate first) with the key. */
    void bindCertificate(String alias, List<X509Certificate> chain);

    /** Imports an existing private key with its chain (the key's own certificate first). */
    void importKey(String alias, PrivateKey key, List<X509Certificate> chain);

    /** Opens the key stored under {@code alias}. */
    Signer open(String alias);

    boolean contains(String alias);

    /** Short name of the technology for status pages: {@code pkcs12} or {@code pkcs11}. */
    String kind();
}
