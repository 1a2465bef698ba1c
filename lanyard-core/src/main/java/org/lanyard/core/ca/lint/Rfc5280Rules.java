package org.lanyard.core.ca.lint;

import static org.lanyard.core.ca.lint.LintFinding.Severity.ERROR;
import static org.lanyard.core.ca.lint.LintFinding.Severity.WARNING;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.lanyard.core.ca.DnAttributes;
import org.lanyard.core.ca.KeyAlgorithm;

/** Lint rules from RFC 5280 (section numbers in the rule descriptions). */
final class Rfc5280Rules {

    private Rfc5280Rules() {
    }

    static List<LintRule> all() {
        return List.of(
                // §4.1.2.1: extensions require version 3
                new LintRule("version-3", ERROR, s -> s.tbs().getVersionNumber() == 3 ? none()
                        : Optional.of("version is " + s.tbs().getVersionNumber() + ", extensions need v3")),
                // §4.1.2.2: positive, at most 20 octets
                new LintRule("serial-positive", ERROR, s -> s.tbs().getSerialNumber().getValue().signum() > 0 ? none()
                        : Optional.of("the serial number is not positive")),
                new LintRule("serial-length", ERROR, s -> s.tbs().getSerialNumber().getValue().toByteArray().length <= 20
                        ? none() : Optional.of("the serial number is longer than 20 octets")),
                // §4.1.2.5: the validity period is a real interval
                new LintRule("validity-order", ERROR, s -> s.tbs().getStartDate().getDate()
                        .before(s.tbs().getEndDate().getDate()) ? none()
                        : Optional.of("notBefore is not before notAfter")),
                new LintRule("validity-within-issuer", ERROR, Rfc5280Rules::validityWithinIssuer),
                // §4.1.2.4: issuer field equals the issuer's subject
                new LintRule("issuer-name-match", ERROR, Rfc5280Rules::issuerNameMatch),
                // §4.1.1.2 / §4.1.2.3: the signature algorithm fits the issuer's key
                new LintRule("signature-algorithm-match", ERROR, Rfc5280Rules::signatureAlgorithmMatch),
                // §4.2.1.1: AKI present (except self-signed), and it names the issuer's key
                new LintRule("authority-key-identifier", ERROR, Rfc5280Rules::authorityKeyIdentifier),
                // §4.2.1.2: SKI present in CA certificates (we require it everywhere)
                new LintRule("subject-key-identifier", ERROR, s -> s.extension(Extension.subjectKeyIdentifier) != null
                        ? none() : Optional.of("the subject key identifier is missing")),
                // §4.2.1.3: key usage critical when present; keyCertSign only with cA
                new LintRule("key-usage-critical", WARNING, s -> {
                    Extension ku = s.extension(Extension.keyUsage);
                    return ku == null || ku.isCritical() ? none() : Optional.of("key usage should be critical");
                }),
                new LintRule("key-cert-sign-needs-ca", ERROR, Rfc5280Rules::keyCertSignNeedsCa),
                // §4.2.1.9: basic constraints critical in CA certificates
                new LintRule("ca-basic-constraints-critical", ERROR, s -> {
                    Extension bc = s.extension(Extension.basicConstraints);
                    boolean ca = bc != null && BasicConstraints.getInstance(bc.getParsedValue()).isCA();
                    return !ca || bc.isCritical() ? none() : Optional.of("basic constraints of a CA must be critical");
                }),
                // §4.1.2.4 / §4.1.2.6 and Appendix A: DN values are strings within their upper bounds
                new LintRule("dn-attribute-values", ERROR, s -> dnProblem("subject", s.tbs().getSubject())
                        .or(() -> dnProblem("issuer", s.tbs().getIssuer()))),
                // §4.1.2.6 / §4.2.1.6: an empty subject needs a critical SAN
                new LintRule("subject-or-san", ERROR, Rfc5280Rules::subjectOrSan),
                new LintRule("san-not-empty", ERROR, s -> {
                    Extension san = s.extension(Extension.subjectAlternativeName);
                    return san == null || GeneralNames.getInstance(san.getParsedValue()).getNames().length > 0 ? none()
                            : Optional.of("the subject alternative name extension is empty");
                }),
                // RFC 5480 §3 / RFC 8813: EC keys do not encipher
                new LintRule("ec-key-usage", ERROR, Rfc5280Rules::ecKeyUsage),
                new LintRule("subject-key-supported", ERROR, s -> KeyAlgorithm.of(s.tbs().getSubjectPublicKeyInfo())
                        .isPresent() ? none()
                        : Optional.of(KeyAlgorithm.describe(s.tbs().getSubjectPublicKeyInfo()) + " is not an accepted key")));
    }

    private static Optional<String> validityWithinIssuer(LintSubject s) {
        if (s.selfIssued()) {
            return none();
        }
        if (s.tbs().getEndDate().getDate().after(s.issuer().getNotAfter())) {
            return Optional.of("notAfter is later than the issuer's notAfter");
        }
        if (s.tbs().getStartDate().getDate().before(s.issuer().getNotBefore())) {
            return Optional.of("notBefore is earlier than the issuer's notBefore");
        }
        return none();
    }

    private static Optional<String> issuerNameMatch(LintSubject s) {
        X500Name expected = s.selfIssued() ? s.tbs().getSubject()
                : X500Name.getInstance(s.issuer().getSubjectX500Principal().getEncoded());
        try {
            return Arrays.equals(expected.getEncoded(), s.tbs().getIssuer().getEncoded()) ? none()
                    : Optional.of("the issuer name differs from the issuer's subject");
        } catch (java.io.IOException e) {
            return Optional.of("the issuer name cannot be encoded");
        }
    }

    private static Optional<String> signatureAlgorithmMatch(LintSubject s) {
        SubjectPublicKeyInfo issuerKey = s.selfIssued() ? s.tbs().getSubjectPublicKeyInfo()
                : SubjectPublicKeyInfo.getInstance(s.issuer().getPublicKey().getEncoded());
        boolean ecKey = X9ObjectIdentifiers.id_ecPublicKey.equals(issuerKey.getAlgorithm().getAlgorithm());
        String sigOid = s.tbs().getSignature().getAlgorithm().getId();
        boolean ecSig = sigOid.startsWith(X9ObjectIdentifiers.ansi_X9_62.getId() + ".4.3");
        return ecKey == ecSig ? none() : Optional.of("signature algorithm " + sigOid + " does not fit the issuer's key");
    }

    private static Optional<String> authorityKeyIdentifier(LintSubject s) {
        Extension aki = s.extension(Extension.authorityKeyIdentifier);
        if (aki == null) {
            return s.selfIssued() ? none() : Optional.of("the authority key identifier is missing");
        }
        byte[] id = AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifierObject() == null ? null
                : AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifierObject().getOctets();
        if (id == null) {
            return Optional.of("the authority key identifier has no keyIdentifier");
        }
        byte[] expected;
        if (s.selfIssued()) {
            Extension ski = s.extension(Extension.subjectKeyIdentifier);
            expected = ski == null ? null : SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier();
        } else {
            byte[] ext = s.issuer().getExtensionValue(Extension.subjectKeyIdentifier.getId());
            expected = ext == null ? null
                    : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
        }
        return expected == null || Arrays.equals(id, expected) ? none()
                : Optional.of("the authority key identifier does not name the issuer's key");
    }

    private static Optional<String> keyCertSignNeedsCa(LintSubject s) {
        Extension ku = s.extension(Extension.keyUsage);
        if (ku == null || !KeyUsage.getInstance(ku.getParsedValue()).hasUsages(KeyUsage.keyCertSign)) {
            return none();
        }
        Extension bc = s.extension(Extension.basicConstraints);
        return bc != null && BasicConstraints.getInstance(bc.getParsedValue()).isCA() ? none()
                : Optional.of("keyCertSign is set but basic constraints do not say cA");
    }

    private static Optional<String> dnProblem(String field, X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                Optional<String> problem = DnAttributes.checkEncoded(atv.getType(), atv.getValue());
                if (problem.isPresent()) {
                    return Optional.of("in the " + field + ": " + problem.get());
                }
            }
        }
        return none();
    }

    private static Optional<String> subjectOrSan(LintSubject s) {
        Extension san = s.extension(Extension.subjectAlternativeName);
        if (s.tbs().getSubject().getRDNs().length > 0) {
            return none();
        }
        if (san == null) {
            return Optional.of("the subject is empty and there is no subject alternative name");
        }
        return san.isCritical() ? none() : Optional.of("the subject is empty, so the SAN extension must be critical");
    }

    private static Optional<String> ecKeyUsage(LintSubject s) {
        Extension ku = s.extension(Extension.keyUsage);
        boolean ec = X9ObjectIdentifiers.id_ecPublicKey.equals(s.tbs().getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm());
        if (!ec || ku == null) {
            return none();
        }
        KeyUsage usage = KeyUsage.getInstance(ku.getParsedValue());
        return usage.hasUsages(KeyUsage.keyEncipherment) || usage.hasUsages(KeyUsage.dataEncipherment)
                ? Optional.of("an EC key cannot have keyEncipherment or dataEncipherment") : none();
    }

    static Optional<String> none() {
        return Optional.empty();
    }

}
