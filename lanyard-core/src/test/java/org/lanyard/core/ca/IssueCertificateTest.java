package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.core.testing.Csrs.san;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class IssueCertificateTest {

    private static TestSystem system;

    @BeforeAll
    static void ca() {
        system = TestSystem.withCa(KeyAlgorithm.EC_P256);
    }

    static Stream<Arguments> shippedProfiles() {
        return Stream.of(
                // profile, key, CSR subject, SANs, EKU OIDs the leaf must carry
                Arguments.of("tls-server", "p256", "", List.of(san("DNS:www.example.com"), san("IP:192.0.2.7")),
                        List.of("1.3.6.1.5.5.7.3.1")),
                Arguments.of("tls-server", "rsa2048", "", List.of(san("DNS:api.example.com")), List.of("1.3.6.1.5.5.7.3.1")),
                Arguments.of("tls-client", "p256", "CN=device-17", List.of(), List.of("1.3.6.1.5.5.7.3.2")),
                Arguments.of("smime", "p384", "", List.of(san("EMAIL:alice@example.com")), List.of("1.3.6.1.5.5.7.3.4")),
                Arguments.of("smartcard-logon", "rsa2048", "CN=Alice Example", List.of(san("UPN:alice@corp.example")),
                        List.of("1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.311.20.2.2")),
                Arguments.of("piv-authentication", "p256", "CN=Alice Example", List.of(san("UPN:alice@corp.example")),
                        List.of("1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.311.20.2.2")),
                Arguments.of("digital-signature", "p256", "CN=Alice Example", List.of(san("EMAIL:alice@example.com")),
                        List.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36")),
                Arguments.of("key-management", "rsa2048", "CN=Alice Example", List.of(san("EMAIL:alice@example.com")),
                        List.of("1.3.6.1.5.5.7.3.4")),
                Arguments.of("key-management", "p256", "CN=Alice Example", List.of(), List.of("1.3.6.1.5.5.7.3.4")),
                Arguments.of("ocsp-signing", "p256", "CN=OCSP Responder", List.of(), List.of("1.3.6.1.5.5.7.3.9")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("shippedProfiles")
    void leafOfEveryShippedProfileValidatesToTheRoot(String profile, String key, String subject,
            List<SubjectAltName> sans, List<String> ekus) throws Exception {
        KeyPair pair = Keys.generate(KeyAlgorithm.fromId(key));
        IssuedCertificate issued = system.issue.issue(new IssuanceRequest(profile,
                CsrIntake.parse(Csrs.der(pair, subject, sans)), Map.of(), TestSystem.ALICE));

        X509Certificate leaf = issued.certificate();
        Chains.validate(leaf, issued.chain(), system.clock.instant());
        assertThat(leaf.getPublicKey()).isEqualTo(pair.getPublic());
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyElementsOf(ekus);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectX500Principal().getName()).startsWith("CN=");
        if (!sans.isEmpty()) {
            assertThat(SubjectAltNames.read(org.bouncycastle.asn1.x509.GeneralNames.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(leaf.getExtensionValue("2.5.29.17")).getOctets())))
                    .containsExactlyElementsOf(sans);
        }
        // the store holds exactly the returned certificate
        CertificateRecord stored = system.certificates.find(leaf.getSerialNumber()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(stored.der()).isEqualTo(leaf.getEncoded());
        assertThat(issued.record().serial()).isEqualTo(leaf.getSerialNumber());
    }

    @Test
    void keyManagementGetsTheKeyUsageThatFitsTheKey() {
        X509Certificate rsa = issue("key-management", Keys.generate(KeyAlgorithm.RSA_2048), "CN=a");
        X509Certificate ec = issue("key-management", Keys.generate(KeyAlgorithm.EC_P256), "CN=a");
        // bits: 0 digitalSignature, 2 keyEncipherment, 4 keyAgreement
        assertThat(rsa.getKeyUsage()[2]).isTrue();
        assertThat(rsa.getKeyUsage()[4]).isFalse();
        assertThat(ec.getKeyUsage()[2]).isFalse();
        assertThat(ec.getKeyUsage()[4]).isTrue();
    }

    @Test
    void profileWhoseKeyUsagesDoNotFitTheKeyRefusesInsteadOfDroppingThem() {
        CertificateProfile encipherOnly = new CertificateProfile("encipher-only", "Encipher only", null,
                java.util.EnumSet.allOf(KeyAlgorithm.class), Duration.ofDays(30),
                java.util.EnumSet.of(KeyUsageBit.keyEncipherment), List.of(ExtendedKeyUsage.clientAuth), "CN=${cn}",
                java.util.EnumSet.noneOf(SanType.class), List.of(), false, 0, List.of(), null, null, false, null);
        system.profiles.save(encipherOnly);
        assertThatThrownBy(() -> issue("encipher-only", Keys.generate(KeyAlgorithm.EC_P256), "CN=a"))
                .isInstanceOfSatisfying(org.lanyard.core.LanyardException.class,
                        e -> assertThat(e.code()).isEqualTo("key-usage-compatible"));
        X509Certificate rsa = issue("encipher-only", Keys.generate(KeyAlgorithm.RSA_2048), "CN=a");
        assertThat(rsa.getKeyUsage()[2]).as("keyEncipherment").isTrue();
    }

    @Test
    void tlsServerSubjectIsTheFirstSanAndValidityIsTheProfiles() {
        X509Certificate leaf = issue("tls-server", Keys.generate(KeyAlgorithm.EC_P256), "",
                Csrs.dns("www.example.com"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com");
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(397));
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(system.clock.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void issuanceIsAuditedAsRequestedThenIssued() {
        X509Certificate leaf = issue("tls-client", Keys.generate(KeyAlgorithm.EC_P256), "CN=audited");
        String serial = Serials.hex(leaf.getSerialNumber());
        var events = system.auditLog.stored().stream().filter(e -> e.target().equals(serial)).toList();
        assertThat(events).extracting(e -> e.action()).containsExactly("certificate.requested", "certificate.issued");
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }

    @Test
    void subjectVariableCannotAddAttributes() {
        X509Certificate leaf = system.issue.issue(new IssuanceRequest("tls-client",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), ""), Map.of("cn", "x,O=Evil"), TestSystem.ALICE))
                .certificate();
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs()).hasSize(1);
        assertThat(subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.O)).isEmpty();
    }

    @Test
    void subjectValueIsTextNeverHexDer() {
        X509Certificate leaf = system.issue.issue(new IssuanceRequest("tls-client",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), ""), Map.of("cn", "#3003020101"), TestSystem.ALICE))
                .certificate();
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0].getFirst().getValue())
                .isInstanceOfSatisfying(org.bouncycastle.asn1.ASN1UTF8String.class,
                        s -> assertThat(s.getString()).isEqualTo("#3003020101"));
    }

    @Test
    void badSubjectValuesAreRefusedByNameBeforeAnythingIsStored() {
        int stored = system.auditLog.stored().size();
        for (String cn : List.of("#zz" + "z".repeat(70), "a".repeat(300), "line\nbreak")) {
            assertThatThrownBy(() -> system.issue.issue(new IssuanceRequest("tls-client",
                    Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), ""), Map.of("cn", cn), TestSystem.ALICE)))
                    .isInstanceOfSatisfying(org.lanyard.core.LanyardException.class, e -> {
                        assertThat(e.code()).isEqualTo("subject-values");
                        assertThat(e.kind()).isEqualTo(org.lanyard.core.ErrorKind.POLICY_REFUSED);
                    });
        }
        assertThat(system.auditLog.stored()).hasSize(stored);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P384", "RSA_3072"})
    void chainVerifiesForOtherCaKeys(KeyAlgorithm caKey) throws Exception {
        TestSystem other = TestSystem.withCa(caKey);
        Issuer issuing = other.issuerStore.list().stream().filter(Issuer::defaultIssuer).findFirst().orElseThrow();
        assertThat(issuing.certificate().getPublicKey().getAlgorithm()).isIn("EC", "ECDSA", "RSA");
        assertThat(KeyAlgorithm.of(issuing.certificate().getPublicKey())).contains(caKey);
        IssuedCertificate issued = other.issue.issue(new IssuanceRequest("tls-server",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns("host.example.com")), Map.of(),
                TestSystem.ALICE));
        Chains.validate(issued.certificate(), issued.chain(), other.clock.instant());
        assertThat(issued.certificate().getSigAlgName()).isEqualToIgnoringCase(caKey.signatureAlgorithm());
    }

    private static X509Certificate issue(String profile, KeyPair key, String subject, SubjectAltName... sans) {
        return system.issue.issue(new IssuanceRequest(profile, CsrIntake.parse(Csrs.der(key, subject,
                Arrays.asList(sans))), Map.of(), TestSystem.ALICE)).certificate();
    }
}
