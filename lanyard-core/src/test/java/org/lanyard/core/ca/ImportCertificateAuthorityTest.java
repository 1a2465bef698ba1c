package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.LanyardException;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class ImportCertificateAuthorityTest {

    /** An existing CA made elsewhere: its key and chain (own certificate first). */
    private record Existing(PrivateKey key, List<X509Certificate> chain) {
    }

    private static Existing existingCa(KeyAlgorithm algorithm) {
        TestSystem elsewhere = new TestSystem();
        KeyPair pair = Keys.generate(algorithm);
        Issuer root = elsewhere.issuerStore.find(elsewhere.createCa(KeyAlgorithm.EC_P256).id() + "-root")
                .orElseThrow();
        var tbs = Certificates.ca(elsewhere.serials.next(), root.certificate(), KeyAlgorithm.EC_P256,
                new org.bouncycastle.asn1.x500.X500Name("CN=Existing Sub CA"),
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), 0,
                elsewhere.clock.instant().minusSeconds(60), elsewhere.clock.instant().plusSeconds(86400L * 365));
        X509Certificate cert = Certificates.sign(tbs, elsewhere.vault.open(root.keyAlias()));
        return new Existing(pair.getPrivate(), List.of(cert, root.certificate()));
    }

    @Test
    void importedPemKeyAndChainIssueCertificatesThatValidate() throws Exception {
        Existing ca = existingCa(KeyAlgorithm.EC_P384);
        String keyPem = Pem.encode("PRIVATE KEY", ca.key().getEncoded());
        String chainPem = Pem.certificates(ca.chain());

        TestSystem system = new TestSystem();
        ShippedProfiles.all().forEach(system.profiles::save);
        Issuer imported = system.importCa.importIssuer("imported", null, Pem.parsePrivateKey(keyPem),
                Pem.parseCertificates(chainPem), false, TestSystem.ALICE);

        assertThat(imported.defaultIssuer()).as("first issuer becomes the default").isTrue();
        assertThat(system.auditLog.actions()).containsExactly("issuer.imported");
        IssuedCertificate leaf = system.issue.issue(new IssuanceRequest("tls-server",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns("x.example.com")), Map.of(),
                TestSystem.ALICE));
        Chains.validate(leaf.certificate(), leaf.chain(), system.clock.instant());
        assertThat(leaf.certificate().getIssuerX500Principal().getName()).isEqualTo("CN=Existing Sub CA");
    }

    @Test
    void keyThatDoesNotMatchIsRefusedAndNothingStored() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.importCa.importIssuer("imported", "x",
                Keys.generate(KeyAlgorithm.EC_P256).getPrivate(), ca.chain(), true, TestSystem.ALICE))
                .isInstanceOf(LanyardException.class).extracting("code").isEqualTo("issuer-key-mismatch");
        assertThat(system.issuerStore.list()).isEmpty();
        assertThat(system.vault.contains("imported")).isFalse();
        assertThat(system.auditLog.stored()).isEmpty();
    }

    @Test
    void leafCertificateIsNotACa() throws Exception {
        TestSystem other = TestSystem.withCa(KeyAlgorithm.EC_P256);
        KeyPair pair = Keys.generate(KeyAlgorithm.EC_P256);
        X509Certificate leaf = other.issue.issue(new IssuanceRequest("tls-client", Csrs.parsed(pair, "CN=leaf"),
                Map.of(), TestSystem.ALICE)).certificate();
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.importCa.importIssuer("imported", "x", pair.getPrivate(), List.of(leaf), true,
                TestSystem.ALICE)).extracting("code").isEqualTo("issuer-not-ca");
    }
}
