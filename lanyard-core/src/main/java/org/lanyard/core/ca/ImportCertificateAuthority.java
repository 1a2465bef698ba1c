package org.lanyard.core.ca;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.crypto.Providers;
import org.lanyard.core.tx.Transactions;

/**
 * Imports an existing CA: its private key and certificate chain (its own certificate first).
 * Before anything is stored, each check refuses with its own code: the CA certificate is a CA
 * that may sign certificates ({@code issuer-not-ca}), each certificate is signed by the next one
 * ({@code issuer-chain-signature}, {@code issuer-chain-not-ca}), a self-issued last certificate
 * verifies with its own key ({@code issuer-chain-root}), every certificate is valid now
 * ({@code issuer-validity}), the CA's subject can be an issuer name ({@code issuer-subject}: string
 * values within RFC 5280 bounds), and the key matches the CA certificate ({@code issuer-key-mismatch}).
 * The key is stored under an alias new to this attempt, so a failed attempt never blocks a retry.
 */
public class ImportCertificateAuthority {

    static final int MAX_CHAIN = 10;

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
        if (chain == null || chain.isEmpty() || chain.size() > MAX_CHAIN
                || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw LanyardException.invalid("issuer-chain", "the chain must hold the CA certificate and at most "
                    + (MAX_CHAIN - 1) + " certificates above it");
        }
        if (name != null && (name.length() > 200 || name.codePoints().anyMatch(Character::isISOControl))) {
            throw LanyardException.invalid("issuer-name", "the name is at most 200 characters, without control "
                    + "characters");
        }
        X509Certificate cert = chain.get(0);
        if (!mayIssue(cert)) {
            throw LanyardException.invalid("issuer-not-ca", "the certificate is not a CA certificate with keyCertSign");
        }
        checkChain(chain);
        checkSubject(cert);
        if (KeyAlgorithm.of(cert.getPublicKey()).isEmpty()) {
            throw LanyardException.invalid("issuer-key-unsupported", "the CA key type is not supported");
        }
        if (key == null || !matches(cert, key)) {
            throw LanyardException.invalid("issuer-key-mismatch", "the private key does not match the certificate");
        }
        if (issuers.find(id).isPresent()) {
            throw LanyardException.conflict("issuer-exists", "issuer '" + id + "' exists already");
        }
        String alias = newAlias(id);
        vault.importKey(alias, key, chain);
        boolean isDefault = makeDefault || issuers.list().stream().noneMatch(Issuer::defaultIssuer);
        Issuer issuer = new Issuer(id, name == null || name.isBlank() ? cert.getSubjectX500Principal().getName()
                : name.trim(), chain, alias, isDefault, clock.instant());
        tx.run(() -> {
            issuers.save(issuer);
            audit.record(actor, "issuer.imported", id, Map.of("subject", cert.getSubjectX500Principal().getName(),
                    "default", Boolean.toString(isDefault)));
        });
        return issuer;
    }

    /** Each certificate signed by the next; the last, when self-issued, by itself; all valid now. */
    private void checkChain(List<X509Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            boolean last = i == chain.size() - 1;
            X509Certificate signer = last ? cert : chain.get(i + 1);
            if (!last && !mayIssue(signer)) {
                throw LanyardException.invalid("issuer-chain-not-ca", "certificate " + (i + 1) + " of the chain ("
                        + signer.getSubjectX500Principal().getName() + ") is not a CA certificate with keyCertSign");
            }
            boolean namesMatch = cert.getIssuerX500Principal().equals(signer.getSubjectX500Principal());
            if (!last && (!namesMatch || !signedBy(cert, signer))) {
                throw LanyardException.invalid("issuer-chain-signature", "certificate " + i + " of the chain ("
                        + cert.getSubjectX500Principal().getName() + ") is not signed by the certificate after it");
            }
            if (last && namesMatch && !signedBy(cert, cert)) {
                throw LanyardException.invalid("issuer-chain-root", "the self-issued certificate at the end of the "
                        + "chain does not verify with its own key");
            }
            try {
                cert.checkValidity(Date.from(clock.instant()));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw LanyardException.invalid("issuer-validity", "certificate " + i + " of the chain ("
                        + cert.getSubjectX500Principal().getName() + ") is not valid now: valid from "
                        + cert.getNotBefore().toInstant() + " to " + cert.getNotAfter().toInstant());
            }
        }
    }

    /** The CA's subject becomes the issuer name of every certificate, so it must pass the lint. */
    private static void checkSubject(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                DnAttributes.checkEncoded(atv.getType(), atv.getValue()).ifPresent(problem -> {
                    throw LanyardException.invalid("issuer-subject", "the CA certificate's subject cannot be an "
                            + "issuer name: " + problem);
                });
            }
        }
    }

    private static boolean mayIssue(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0 && cert.getKeyUsage() != null && cert.getKeyUsage()[5];
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate signer) {
        try {
            cert.verify(signer.getPublicKey(), Providers.bc());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** An alias no key in the vault has: the issuer id and a random suffix. */
    private String newAlias(String id) {
        String alias;
        do {
            alias = id + "-" + UUID.randomUUID().toString().substring(0, 8);
        } while (vault.contains(alias));
        return alias;
    }

    /** Signs a probe with the key and checks it with the certificate, before anything is stored. */
    private static boolean matches(X509Certificate cert, PrivateKey key) {
        try {
            KeyAlgorithm algorithm = KeyAlgorithm.of(cert.getPublicKey()).orElseThrow();
            byte[] probe = "lanyard key match probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.bc());
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
