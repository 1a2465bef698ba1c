package org.lanyard.core.ca.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ca.lint.LintFinding.Severity;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class CertificateLintTest {

    private static X509Certificate issuer;
    private static final CertificateLint LINT = CertificateLint.standard();

    @BeforeAll
    static void ca() {
        issuer = TestSystem.withCa(KeyAlgorithm.EC_P256).issuerStore.list().stream().filter(Issuer::defaultIssuer)
                .findFirst().orElseThrow().certificate();
    }

    static Stream<Arguments> badCertificates() {
        return Stream.of(
                // RFC 5280
                bad("version-3", t -> t.version = 1),
                bad("serial-positive", t -> t.serial = BigInteger.ZERO),
                bad("serial-positive", t -> t.serial = BigInteger.valueOf(-5)),
                bad("serial-length", t -> t.serial = BigInteger.TWO.pow(160)),
                bad("validity-order", t -> t.notAfter = t.notBefore),
                bad("validity-order", t -> t.notAfter = t.notBefore.minusSeconds(1)),
                bad("validity-within-issuer", t -> t.notAfter = issuer.getNotAfter().toInstant().plusSeconds(1)),
                bad("validity-within-issuer", t -> t.notBefore = issuer.getNotBefore().toInstant().minusSeconds(1)),
                bad("issuer-name-match", t -> t.issuerName = new X500Name("CN=Someone Else")),
                bad("signature-algorithm-match", t -> t.signature = KeyAlgorithm.RSA_2048),
                bad("authority-key-identifier", t -> t.ext.remove(Extension.authorityKeyIdentifier)),
                bad("authority-key-identifier", t -> t.put(Extension.authorityKeyIdentifier, false,
                        new AuthorityKeyIdentifier(new byte[20]))),
                bad("subject-key-identifier", t -> t.ext.remove(Extension.subjectKeyIdentifier)),
                bad("key-usage-critical", t -> t.put(Extension.keyUsage, false, new KeyUsage(KeyUsage.digitalSignature))),
                bad("key-cert-sign-needs-ca", t -> t.put(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))),
                bad("ca-basic-constraints-critical", t -> t.put(Extension.basicConstraints, false,
                        new BasicConstraints(0))),
                bad("dn-attribute-values", t -> t.subject = name(BCStyle.CN, new DERUTF8String("a".repeat(65)))),
                bad("dn-attribute-values", t -> t.subject = name(BCStyle.CN, new DERSequence(new ASN1Integer(1)))),
                bad("dn-attribute-values", t -> t.subject = name(BCStyle.CN, new DERUTF8String("a\u0000b"))),
                bad("dn-attribute-values", t -> t.subject = name(BCStyle.C, new DERUTF8String("DE"))),
                bad("dn-attribute-values", t -> t.subject = name(BCStyle.EmailAddress, new DERUTF8String("a@b.c"))),
                bad("subject-or-san", t -> {
                    t.subject = new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
                    t.ext.remove(Extension.subjectAlternativeName);
                }),
                bad("subject-or-san", t -> {
                    t.subject = new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
                    t.sans(false, dns("www.example.com"));
                }),
                bad("san-not-empty", t -> t.put(Extension.subjectAlternativeName, false, new DERSequence())),
                bad("ec-key-usage", t -> t.put(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))),
                bad("subject-key-supported", t -> t.key = Keys.rsa(1024).getPublic().getEncoded()),
                bad("subject-key-supported", t -> t.key = Keys.ec("secp192r1").getPublic().getEncoded()),
                // CA/Browser Forum baseline
                bad("tls-validity-398-days", t -> t.notAfter = t.notBefore.plus(Duration.ofDays(399))),
                bad("tls-san-present", t -> t.ext.remove(Extension.subjectAlternativeName)),
                bad("tls-san-dns-or-ip", t -> t.sans(false, dns("www.example.com"),
                        new SubjectAltName(SanType.EMAIL, "a@example.com"))),
                bad("dns-name-valid", t -> {
                    t.subject = new X500Name("CN=bad_name.example.com");
                    t.sans(false, dns("bad_name.example.com"));
                }),
                bad("tls-cn-in-san", t -> t.subject = new X500Name("CN=other.example.com")),
                bad("tls-no-any-eku", t -> t.ekus(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.anyExtendedKeyUsage)),
                bad("leaf-not-ca", t -> t.put(Extension.basicConstraints, true, new BasicConstraints(0))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("badCertificates")
    void ruleFiresOnItsBadCertificate(String rule, Consumer<Tbs> change) {
        Tbs tbs = new Tbs();
        change.accept(tbs);
        List<LintFinding> findings = LINT.lint(tbs.build(), issuer);
        assertThat(findings).extracting(LintFinding::rule).contains(rule);
        LintFinding finding = findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(rule.equals("key-usage-critical") ? Severity.WARNING : Severity.ERROR);
        assertThat(finding.message()).doesNotContain("could not read");
        if (finding.error()) {
            assertThatThrownBy(() -> LINT.require(tbs.build(), issuer)).isInstanceOf(LanyardException.class)
                    .extracting("code").asString().startsWith("lint-");
        }
    }

    @Test
    void everyRuleHasABadCase() {
        Set<String> covered = new HashSet<>();
        badCertificates().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> all = new HashSet<>();
        Rfc5280Rules.all().forEach(r -> all.add(r.name()));
        BaselineRules.all().forEach(r -> all.add(r.name()));
        assertThat(covered).isEqualTo(all);
    }

    @Test
    void silentOnAGoodTlsServerCertificate() {
        assertThat(LINT.lint(new Tbs().build(), issuer)).isEmpty();
        LINT.require(new Tbs().build(), issuer);
    }

    @Test
    void silentOnGoodNonTlsLeavesAndOnCaCertificates() {
        Tbs smime = new Tbs();
        smime.subject = new X500Name("CN=Alice");
        smime.ekus(KeyPurposeId.id_kp_emailProtection);
        smime.sans(false, new SubjectAltName(SanType.EMAIL, "alice@example.com"),
                new SubjectAltName(SanType.UPN, "alice@corp.example"));
        smime.notAfter = smime.notBefore.plus(Duration.ofDays(3 * 365));
        assertThat(LINT.lint(smime.build(), issuer)).isEmpty();

        Tbs emptySubject = new Tbs();
        emptySubject.subject = new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
        emptySubject.sans(true, dns("www.example.com"));
        assertThat(LINT.lint(emptySubject.build(), issuer)).isEmpty();

        var key = Keys.generate(KeyAlgorithm.EC_P384);
        var spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        Instant now = issuer.getNotBefore().toInstant();
        var root = Certificates.ca(BigInteger.TEN, null, KeyAlgorithm.EC_P384, new X500Name("CN=Root"), spki, null, now,
                now.plus(Duration.ofDays(3650)));
        assertThat(LINT.lint(root, null)).isEmpty();
    }

    private static Arguments bad(String rule, Consumer<Tbs> change) {
        return Arguments.of(rule, change);
    }

    private static X500Name name(ASN1ObjectIdentifier type, org.bouncycastle.asn1.ASN1Encodable value) {
        return new X500NameBuilder().addRDN(BCStyle.CN, "www.example.com").addRDN(type, value).build();
    }

    private static SubjectAltName dns(String name) {
        return new SubjectAltName(SanType.DNS, name);
    }

    /** A good TLS server TBS under the test issuer, with every field open to change. */
    static final class Tbs {
        int version = 3;
        BigInteger serial = new BigInteger("0123456789abcdef0123456789abcdef", 16);
        KeyAlgorithm signature = KeyAlgorithm.EC_P256;
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X500Name subject = new X500Name("CN=www.example.com");
        byte[] key = Keys.generate(KeyAlgorithm.EC_P256).getPublic().getEncoded();
        Instant notBefore = issuer.getNotBefore().toInstant().plus(Duration.ofDays(1));
        Instant notAfter = notBefore.plus(Duration.ofDays(90));
        final Map<ASN1ObjectIdentifier, Extension> ext = new LinkedHashMap<>();

        Tbs() {
            put(Extension.basicConstraints, true, new BasicConstraints(false));
            put(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            ekus(KeyPurposeId.id_kp_serverAuth);
            sans(false, dns("www.example.com"));
            put(Extension.subjectKeyIdentifier, false, Certificates.keyId(
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key)));
            byte[] ski = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets();
            put(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                    org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(ski).getKeyIdentifier()));
        }

        void put(ASN1ObjectIdentifier oid, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
            try {
                ext.put(oid, new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void ekus(KeyPurposeId... ids) {
            put(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(ids));
        }

        void sans(boolean critical, SubjectAltName... names) {
            put(Extension.subjectAlternativeName, critical, org.lanyard.core.ca.SubjectAltNames.write(List.of(names)));
        }

        org.bouncycastle.asn1.x509.TBSCertificate build() {
            var spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key);
            var start = new org.bouncycastle.asn1.x509.Time(java.util.Date.from(notBefore));
            var end = new org.bouncycastle.asn1.x509.Time(java.util.Date.from(notAfter));
            if (version == 1) {
                var g = new org.bouncycastle.asn1.x509.V1TBSCertificateGenerator();
                g.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(serial));
                g.setSignature(Certificates.signatureAlgorithm(signature));
                g.setIssuer(issuerName);
                g.setStartDate(start);
                g.setEndDate(end);
                g.setSubject(subject);
                g.setSubjectPublicKeyInfo(spki);
                return g.generateTBSCertificate();
            }
            var g = new org.bouncycastle.asn1.x509.V3TBSCertificateGenerator();
            g.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(serial));
            g.setSignature(Certificates.signatureAlgorithm(signature));
            g.setIssuer(issuerName);
            g.setStartDate(start);
            g.setEndDate(end);
            g.setSubject(subject);
            g.setSubjectPublicKeyInfo(spki);
            g.setExtensions(new org.bouncycastle.asn1.x509.Extensions(new ArrayList<>(ext.values())
                    .toArray(Extension[]::new)));
            return g.generateTBSCertificate();
        }
    }
}
