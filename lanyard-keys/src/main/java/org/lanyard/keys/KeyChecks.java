package org.lanyard.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.crypto.Providers;

/** The checks both vaults make before they store anything, so both refuse with the same codes. */
final class KeyChecks {

    private static final byte[] PROBE = "lanyard key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyChecks() {
    }

    static void requireAlias(String alias) {
        if (alias == null || alias.isBlank() || alias.length() > 128) {
            throw LanyardException.invalid("key-alias-invalid", "a key alias must be 1 to 128 characters");
        }
    }

    static void requireChain(String alias, List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw LanyardException.invalid("key-chain-empty",
                    "the certificate chain for key '" + alias + "' is empty; the key's own certificate comes first");
        }
    }

    /** The key's algorithm, refusing keys Lanyard does not sign with (RSA-1024, P-521, …). */
    static KeyAlgorithm algorithmOf(PublicKey key) {
        return KeyAlgorithm.of(key).orElseThrow(() -> LanyardException.invalid("key-algorithm-unsupported",
                "key type " + key.getAlgorithm() + " is not one Lanyard signs with"));
    }

    /** Refuses a chain whose first certificate does not carry {@code signer}'s public key. */
    static void requireSameKey(String alias, Signer signer, X509Certificate certificate) {
        if (!samePublicKey(signer.publicKey(), certificate.getPublicKey())) {
            throw mismatch(alias, certificate);
        }
    }

    /** Refuses an imported private key that is not the pair of the certificate's public key. */
    static void requirePair(String alias, PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        KeyAlgorithm algorithm = algorithmOf(publicKey);
        if (!key.getAlgorithm().equalsIgnoreCase(publicKey.getAlgorithm())
                && !(key.getAlgorithm().startsWith("EC") && publicKey.getAlgorithm().startsWith("EC"))) {
            throw mismatch(alias, certificate);
        }
        try {
            Signature signer = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw mismatch(alias, certificate);
            }
        } catch (GeneralSecurityException e) {
            throw mismatch(alias, certificate);
        }
    }

    static boolean samePublicKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static LanyardException mismatch(String alias, X509Certificate certificate) {
        return LanyardException.invalid("key-certificate-mismatch", "the certificate for "
                + certificate.getSubjectX500Principal().getName() + " does not carry the public key of key '"
                + alias + "'");
    }
}
