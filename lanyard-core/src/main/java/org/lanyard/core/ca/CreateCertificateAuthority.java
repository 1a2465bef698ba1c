package org.lanyard.core.ca;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.tx.Transactions;

/**
 * Creates a two-level CA: a self-signed root and an issuing CA signed by it, both keys made in
 * the {@link KeyVault} (on the token when it is PKCS#11). The issuing CA becomes the default
 * issuer when there is none yet.
 */
public class CreateCertificateAuthority {

    public record Spec(String id, String name, KeyAlgorithm algorithm, Duration rootValidity,
            Duration issuingValidity) {

        public static Spec defaults(String id, String name, KeyAlgorithm algorithm) {
            return new Spec(id, name, algorithm, Duration.ofDays(20 * 365), Duration.ofDays(10 * 365));
        }
    }

    private final KeyVault vault;
    private final IssuerStore issuers;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Serials serials;
    private final CertificateLint lint;
    private final Clock clock;

    public CreateCertificateAuthority(KeyVault vault, IssuerStore issuers, Transactions tx, AuditTrail audit,
            Serials serials, CertificateLint lint, Clock clock) {
        this.vault = vault;
        this.issuers = issuers;
        this.tx = tx;
        this.audit = audit;
        this.serials = serials;
        this.lint = lint;
        this.clock = clock;
    }

    /** Returns the issuing CA (its chain ends with the new root). */
    public Issuer create(Spec spec, Actor actor) {
        if (spec.id() == null || !spec.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw LanyardException.invalid("issuer-id", "an issuer id is lower-case letters, digits and dashes");
        }
        String rootId = spec.id() + "-root";
        if (issuers.find(spec.id()).isPresent() || issuers.find(rootId).isPresent() || vault.contains(spec.id())
                || vault.contains(rootId)) {
            throw LanyardException.conflict("issuer-exists", "issuer '" + spec.id() + "' exists already");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));

        Signer rootKey = vault.generate(rootId, spec.algorithm());
        X500Name rootName = new X500Name("CN=" + escape(spec.name()) + " Root CA");
        TBSCertificate rootTbs = Certificates.ca(serials.next(), null, rootKey.algorithm(), rootName,
                spki(rootKey), null, now, now.plus(spec.rootValidity()));
        lint.require(rootTbs, null);
        X509Certificate root = Certificates.sign(rootTbs, rootKey);
        vault.bindCertificate(rootId, List.of(root));

        Signer issuingKey = vault.generate(spec.id(), spec.algorithm());
        Instant issuingEnd = now.plus(spec.issuingValidity());
        if (issuingEnd.isAfter(root.getNotAfter().toInstant())) {
            issuingEnd = root.getNotAfter().toInstant();
        }
        TBSCertificate issuingTbs = Certificates.ca(serials.next(), root, rootKey.algorithm(),
                new X500Name("CN=" + escape(spec.name()) + " Issuing CA"), spki(issuingKey), 0, now, issuingEnd);
        lint.require(issuingTbs, root);
        X509Certificate issuing = Certificates.sign(issuingTbs, rootKey);
        vault.bindCertificate(spec.id(), List.of(issuing, root));

        Instant created = clock.instant();
        boolean makeDefault = issuers.list().stream().noneMatch(Issuer::defaultIssuer);
        Issuer rootIssuer = new Issuer(rootId, spec.name() + " Root CA", List.of(root), rootId, false, created);
        Issuer issuingIssuer = new Issuer(spec.id(), spec.name() + " Issuing CA", List.of(issuing, root), spec.id(),
                makeDefault, created);
        tx.run(() -> {
            issuers.save(rootIssuer);
            issuers.save(issuingIssuer);
            audit.record(actor, "issuer.created", rootId, Map.of("subject", root.getSubjectX500Principal().getName(),
                    "algorithm", spec.algorithm().id(), "vault", vault.kind()));
            audit.record(actor, "issuer.created", spec.id(), Map.of("subject",
                    issuing.getSubjectX500Principal().getName(), "algorithm", spec.algorithm().id(), "vault",
                    vault.kind(), "default", Boolean.toString(makeDefault)));
        });
        return issuingIssuer;
    }

    private static SubjectPublicKeyInfo spki(Signer signer) {
        return SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+").replace("=", "\\=")
                .replace("\"", "\\\"").replace("<", "\\<").replace(">", "\\>").replace(";", "\\;");
    }
}
