package org.lanyard.core.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/**
 * Imports an existing CA: its private key and certificate chain (its own certificate first).
 * The key must match the certificate, and the certificate must be a CA that may sign certificates.
 */
public class ImportCertificateAuthority {

    private final KeyVault vault;
    private final IssuerStore issuers;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public ImportCertificateAuthority(KeyVault vault, IssuerStore issuers, Transactions tx, AuditTrail audit,
            Clock clock) {
        this.vault = vault;
        this.issuers = issuers;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Issuer importIssuer(String id, String name, PrivateKey key, List<X509Certificate> chain,
            boolean makeDefault, Actor actor) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw LanyardException.invalid("issuer-id", "an issuer id is lower-case letters, digits and dashes");
        }
        if (chain.isEmpty()) {
            throw LanyardException.invalid("issuer-chain", "the CA certificate is missing");
        }
        if (issuers.find(id).isPresent() || vault.contains(id)) {
            throw LanyardException.conflict("issuer-exists", "issuer '" + id + "' exists already");
        }
        X509Certificate cert = chain.get(0);
        if (cert.getBasicConstraints() < 0 || cert.getKeyUsage() == null || !cert.getKeyUsage()[5]) {
            throw LanyardException.invalid("issuer-not-ca", "the certificate is not a CA certificate with keyCertSign");
        }
        KeyAlgorithm.of(cert.getPublicKey()).orElseThrow(() -> LanyardException.invalid("issuer-key-unsupported",
                "the CA key type is not supported"));
        if (!matches(cert, key)) {
            throw LanyardException.invalid("issuer-key-mismatch", "the private key does not match the certificate");
        }
        vault.importKey(id, key, chain);
        boolean isDefault = makeDefault || issuers.list().stream().noneMatch(Issuer::defaultIssuer);
        Issuer issuer = new Issuer(id, name == null ? cert.getSubjectX500Principal().getName() : name, chain, id,
                isDefault, clock.instant());
        tx.run(() -> {
            issuers.save(issuer);
            audit.record(actor, "issuer.imported", id, Map.of("subject", cert.getSubjectX500Principal().getName(),
                    "default", Boolean.toString(isDefault)));
        });
        return issuer;
    }

    /** Signs a probe with the key and checks it with the certificate, before anything is stored. */
    private static boolean matches(X509Certificate cert, PrivateKey key) {
        try {
            KeyAlgorithm algorithm = KeyAlgorithm.of(cert.getPublicKey()).orElseThrow();
            byte[] probe = "lanyard key match probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var signer = java.security.Signature.getInstance(algorithm.signatureAlgorithm(),
                    org.lanyard.core.crypto.Providers.bc());
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            var verifier = java.security.Signature.getInstance(algorithm.signatureAlgorithm(),
                    org.lanyard.core.crypto.Providers.bc());
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }
}
