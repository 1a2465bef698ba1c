package org.lanyard.core.testing;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.crypto.Providers;

/**
 * CA keys as BouncyCastle software keys in memory. {@link #failSigning} makes every signer of
 * the vault throw, as a PKCS#11 token that was pulled out would.
 */
public final class SoftwareKeyVault implements KeyVault {

    private record Entry(PrivateKey key, PublicKey publicKey, KeyAlgorithm algorithm, List<X509Certificate> chain) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** When set, signing throws it. */
    public volatile RuntimeException failSigning;
    private int signatures;

    @Override
    public Signer generate(String alias, KeyAlgorithm algorithm) {
        if (entries.containsKey(alias)) {
            throw new IllegalStateException("alias " + alias + " exists");
        }
        KeyPair pair = Keys.generate(algorithm);
        entries.put(alias, new Entry(pair.getPrivate(), pair.getPublic(), algorithm, List.of()));
        return open(alias);
    }

    @Override
    public void bindCertificate(String alias, List<X509Certificate> chain) {
        Entry e = entries.get(alias);
        entries.put(alias, new Entry(e.key(), e.publicKey(), e.algorithm(), List.copyOf(chain)));
    }

    @Override
    public void importKey(String alias, PrivateKey key, List<X509Certificate> chain) {
        PublicKey publicKey = chain.get(0).getPublicKey();
        entries.put(alias, new Entry(key, publicKey, KeyAlgorithm.of(publicKey).orElseThrow(), List.copyOf(chain)));
    }

    @Override
    public Signer open(String alias) {
        Entry e = entries.get(alias);
        if (e == null) {
            throw LanyardException.notFound("key-unknown", "no key " + alias);
        }
        return new Signer() {
            @Override
            public PublicKey publicKey() {
                return e.publicKey();
            }

            @Override
            public KeyAlgorithm algorithm() {
                return e.algorithm();
            }

            @Override
            public byte[] sign(byte[] data) {
                if (failSigning != null) {
                    throw failSigning;
                }
                try {
                    Signature s = Signature.getInstance(e.algorithm().signatureAlgorithm(), Providers.bc());
                    s.initSign(e.key());
                    s.update(data);
                    signatures++;
                    return s.sign();
                } catch (java.security.GeneralSecurityException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
    }

    @Override
    public boolean contains(String alias) {
        return entries.containsKey(alias);
    }

    @Override
    public String kind() {
        return "software";
    }

    /** The aliases the vault holds. */
    public java.util.Set<String> aliases() {
        return java.util.Set.copyOf(entries.keySet());
    }

    /** How many signatures the vault's keys made. */
    public int signatures() {
        return signatures;
    }
}
