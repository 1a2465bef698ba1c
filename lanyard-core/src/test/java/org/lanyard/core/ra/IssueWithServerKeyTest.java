package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Principals;
import org.lanyard.core.testing.TestSystem;

class IssueWithServerKeyTest {

    private static final Principal ALICE = Principals.principal(Principals.owner("alice"));
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static TestSystem system;

    @BeforeAll
    static void ca() {
        system = TestSystem.withCa(KeyAlgorithm.EC_P256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p256", "rsa2048"})
    void pkcs12HoldsAKeyThatMatchesTheCertificate(String algorithm) throws Exception {
        var result = system.issueWithServerKey.issue(ALICE, "tls-client", KeyAlgorithm.fromId(algorithm),
                List.of(Csrs.san("EMAIL:bob@example.com")), Map.of("cn", "Bob"), PASSWORD);

        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(result.pkcs12()), PASSWORD);
        PrivateKey key = (PrivateKey) p12.getKey("key", PASSWORD);
        X509Certificate cert = (X509Certificate) p12.getCertificate("key");
        assertThat(cert).isEqualTo(result.issued().certificate());
        assertThat(p12.getCertificateChain("key")).hasSize(3);

        byte[] probe = "probe".getBytes();
        Signature s = Signature.getInstance(KeyAlgorithm.fromId(algorithm).signatureAlgorithm());
        s.initSign(key);
        s.update(probe);
        byte[] signature = s.sign();
        s.initVerify(cert.getPublicKey());
        s.update(probe);
        assertThat(s.verify(signature)).isTrue();
        Chains.validate(cert, result.issued().chain(), system.clock.instant());
        assertThat(system.certificates.find(cert.getSerialNumber()).orElseThrow().status())
                .isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void profileWithoutServerKeysRefuses() {
        assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "ocsp-signing", null, List.of(), Map.of("cn", "x"),
                PASSWORD)).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("server-key-generation-allowed");
    }

    @Test
    void shortPasswordRefuses() {
        assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "tls-client", null, List.of(), Map.of("cn", "x"),
                "short".toCharArray())).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("pkcs12-password");
    }

    @Test
    void keyTypeTheProfileRefusesIsNamed() {
        assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "key-management", KeyAlgorithm.RSA_4096,
                List.of(Csrs.san("UPN:a@corp.example")), Map.of(), PASSWORD))
                .isInstanceOf(LanyardException.class).extracting("code").isEqualTo("key-algorithm-allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IP:999.1.1.1", "IP:not-an-address"})
    void unencodableSanIsRefusedAsInput(String san) {
        assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "tls-client", null, List.of(Csrs.san(san)),
                Map.of("cn", "x"), PASSWORD)).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("san-malformed");
    }

    @Test
    void nonAsciiEmailIsRefusedByTheEmailRule() {
        // rfc822Name is an IA5String: BouncyCastle would write the low byte of each char unchecked
        assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "tls-client", null,
                List.of(Csrs.san("EMAIL:b\u00f6b@example.com")), Map.of("cn", "x"), PASSWORD))
                .isInstanceOf(LanyardException.class).extracting("code").isEqualTo("email-syntax");
    }

    @Test
    void profileNeedingApprovalIsRefusedBeforeAKeyIsMade() {
        system.profiles.save(system.profiles.find("tls-client").orElseThrow().withApprovalsRequired(1));
        try {
            int requests = system.requests.all().size();
            assertThatThrownBy(() -> system.issueWithServerKey.issue(ALICE, "tls-client", null, List.of(),
                    Map.of("cn", "x"), PASSWORD)).isInstanceOf(LanyardException.class)
                    .extracting("code").isEqualTo("approval-unsupported");
            assertThat(system.requests.all()).hasSize(requests);
        } finally {
            system.profiles.save(system.profiles.find("tls-client").orElseThrow().withApprovalsRequired(0));
        }
    }

    @Test
    void resultNamesTheCompletedRequest() {
        var result = system.issueWithServerKey.issue(ALICE, "tls-client", null, List.of(), Map.of("cn", "Req"),
                PASSWORD);
        assertThat(result.request().state()).isEqualTo(RequestState.COMPLETED);
        assertThat(result.request().certificateSerial()).isEqualTo(result.issued().record().serialHex());
    }
}
