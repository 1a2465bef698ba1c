package org.lanyard.core.ca;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final SubjectTemplate CA_NAME = SubjectTemplate.parse("CN=${name} ${level}");

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

    /**
     * Returns the issuing CA (its chain ends with the new root). Everything that can be checked
     * is checked before a key is made; the keys get aliases new to this attempt
     * ({@code <id>-<random>}), so a key left in the vault by an attempt that failed later (a
     * pulled token, a database outage) never blocks the next attempt with the same id.
     */
    public Issuer create(Spec spec, Actor actor) {
        if (spec.id() == null || !spec.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw LanyardException.invalid("issuer-id", "an issuer id is lower-case letters, digits and dashes");
        }
        if (spec.algorithm() == null) {
            throw LanyardException.invalid("issuer-algorithm", "the CA key algorithm is missing");
        }
        if (!positive(spec.rootValidity()) || !positive(spec.issuingValidity())) {
            throw LanyardException.invalid("issuer-validity", "the CA validity periods must be positive");
        }
        X500Name rootName = caName(spec.name(), "Root CA");
        X500Name issuingName = caName(spec.name(), "Issuing CA");
        String rootId = spec.id() + "-root";
        if (issuers.find(spec.id()).isPresent() || issuers.find(rootId).isPresent()) {
            throw LanyardException.conflict("issuer-exists", "issuer '" + spec.id() + "' exists already");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));

        String rootAlias = newAlias(rootId);
        Signer rootKey = vault.generate(rootAlias, spec.algorithm());
        TBSCertificate rootTbs = Certificates.ca(serials.next(), null, rootKey.algorithm(), rootName,
                spki(rootKey), null, now, now.plus(spec.rootValidity()));
        X509Certificate root = Certificates.sign(lint.require(rootTbs, null), rootKey);
        vault.bindCertificate(rootAlias, List.of(root));

        String issuingAlias = newAlias(spec.id());
        Signer issuingKey = vault.generate(issuingAlias, spec.algorithm());
        Instant issuingEnd = now.plus(spec.issuingValidity());
        if (issuingEnd.isAfter(root.getNotAfter().toInstant())) {
            issuingEnd = root.getNotAfter().toInstant();
        }
        TBSCertificate issuingTbs = Certificates.ca(serials.next(), root, rootKey.algorithm(), issuingName,
                spki(issuingKey), 0, now, issuingEnd);
        X509Certificate issuing = Certificates.sign(lint.require(issuingTbs, root), rootKey);
        vault.bindCertificate(issuingAlias, List.of(issuing, root));

        Instant created = clock.instant();
        boolean makeDefault = issuers.list().stream().noneMatch(Issuer::defaultIssuer);
        Issuer rootIssuer = new Issuer(rootId, spec.name().trim() + " Root CA", List.of(root), rootAlias, false,
                created);
        Issuer issuingIssuer = new Issuer(spec.id(), spec.name().trim() + " Issuing CA", List.of(issuing, root),
                issuingAlias, makeDefault, created);
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

    /** {@code CN=<name> <level>}, built as the subject of an issued certificate is: text, within bounds. */
    private static X500Name caName(String name, String level) {
        if (name == null || name.isBlank()) {
            throw LanyardException.invalid("issuer-name", "the CA name is missing");
        }
        Map<String, String> values = Map.of("name", name.trim(), "level", level);
        CA_NAME.problem(values).ifPresent(reason -> {
            throw LanyardException.invalid("issuer-name", "the CA name does not fit the " + level
                    + " certificate's subject: " + reason);
        });
        return CA_NAME.fill(values);
    }

    /** An alias no key in the vault has: the issuer id and a random suffix. */
    private String newAlias(String id) {
        String alias;
        do {
            alias = id + "-" + UUID.randomUUID().toString().substring(0, 8);
        } while (vault.contains(alias));
        return alias;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static SubjectPublicKeyInfo spki(Signer signer) {
        return SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
    }
}
