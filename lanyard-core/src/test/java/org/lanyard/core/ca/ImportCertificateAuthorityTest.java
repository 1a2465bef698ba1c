package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.lanyard.core.ca.lint.Unlinted;
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
        X509Certificate cert = Certificates.sign(Unlinted.forTest(tbs), elsewhere.vault.open(root.keyAlias()));
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
    void keyAliasIsNewPerImportSoAnOldKeyUnderTheIdDoesNotBlockIt() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        TestSystem system = new TestSystem();
        system.vault.importKey("imported", ca.key(), ca.chain()); // left behind by an earlier failed attempt
        Issuer imported = system.importCa.importIssuer("imported", "x", ca.key(), ca.chain(), true, TestSystem.ALICE);
        assertThat(imported.keyAlias()).startsWith("imported-");
        assertThat(system.vault.open(imported.keyAlias()).publicKey()).isEqualTo(ca.chain().get(0).getPublicKey());
    }

    @Test
    void chainWhoseNextCertificateDidNotSignThePreviousIsRefused() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        Existing other = existingCa(KeyAlgorithm.EC_P256);
        refused(ca.key(), List.of(ca.chain().get(0), other.chain().get(1)), "issuer-chain-signature");
        refused(ca.key(), List.of(ca.chain().get(1), ca.chain().get(0)), "issuer-chain-signature");
    }

    @Test
    void selfIssuedLastCertificateMustVerifyWithItsOwnKey() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        X509Certificate root = ca.chain().get(1);
        TestSystem elsewhere = new TestSystem();
        // the same root, re-signed by a stranger's key
        X509Certificate forged = Certificates.sign(Unlinted.forTest(Certificates.ca(root.getSerialNumber(), null, KeyAlgorithm.EC_P256,
                org.bouncycastle.asn1.x500.X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(root.getPublicKey().getEncoded()), null,
                root.getNotBefore().toInstant(), root.getNotAfter().toInstant())),
                elsewhere.vault.generate("stranger", KeyAlgorithm.EC_P256));
        refused(ca.key(), List.of(ca.chain().get(0), forged), "issuer-chain-root");
    }

    @Test
    void certificateAboveTheCaMustBeACa() {
        TestSystem other = TestSystem.withCa(KeyAlgorithm.EC_P256);
        KeyPair leafPair = Keys.generate(KeyAlgorithm.EC_P256);
        X509Certificate leaf = other.issue.issue(new IssuanceRequest("tls-client", Csrs.parsed(leafPair, "CN=leaf"),
                Map.of(), TestSystem.ALICE)).certificate();
        other.vault.importKey("leaf", leafPair.getPrivate(), List.of(leaf));
        KeyPair pair = Keys.generate(KeyAlgorithm.EC_P256);
        X509Certificate sub = Certificates.sign(Unlinted.forTest(Certificates.ca(other.serials.next(), leaf, KeyAlgorithm.EC_P256,
                new org.bouncycastle.asn1.x500.X500Name("CN=Under a leaf"),
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), 0,
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant())), other.vault.open("leaf"));
        refused(pair.getPrivate(), List.of(sub, leaf), "issuer-chain-not-ca");
    }

    @Test
    void caCertificateMustBeValidNow() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        TestSystem later = new TestSystem();
        later.clock.advance(java.time.Duration.ofDays(400));
        refused(later, ca.key(), ca.chain(), "issuer-validity");
        TestSystem earlier = new TestSystem();
        earlier.clock.set(ca.chain().get(0).getNotBefore().toInstant().minusSeconds(3600));
        refused(earlier, ca.key(), ca.chain(), "issuer-validity");
    }

    @Test
    void caSubjectMustBeAUsableIssuerName() {
        TestSystem elsewhere = TestSystem.withCa(KeyAlgorithm.EC_P256);
        Issuer root = elsewhere.issuerStore.list().stream().filter(i -> i.id().endsWith("-root")).findFirst()
                .orElseThrow();
        KeyPair pair = Keys.generate(KeyAlgorithm.EC_P256);
        var longName = new org.bouncycastle.asn1.x500.X500NameBuilder().addRDN(
                org.bouncycastle.asn1.x500.style.BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String("n".repeat(70)))
                .build();
        X509Certificate sub = Certificates.sign(Unlinted.forTest(Certificates.ca(elsewhere.serials.next(), root.certificate(),
                KeyAlgorithm.EC_P256, longName,
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), 0,
                elsewhere.clock.instant(), elsewhere.clock.instant().plusSeconds(86400))),
                elsewhere.vault.open(root.keyAlias()));
        refused(pair.getPrivate(), List.of(sub, root.certificate()), "issuer-subject");
    }

    @Test
    void missingKeyOrChainIsRefusedByName() {
        Existing ca = existingCa(KeyAlgorithm.EC_P256);
        refused(null, ca.chain(), "issuer-key-mismatch");
        refused(ca.key(), List.of(), "issuer-chain");
        refused(ca.key(), null, "issuer-chain");
    }

    private static void refused(PrivateKey key, List<X509Certificate> chain, String code) {
        refused(new TestSystem(), key, chain, code);
    }

    private static void refused(TestSystem system, PrivateKey key, List<X509Certificate> chain, String code) {
        assertThatThrownBy(() -> system.importCa.importIssuer("imported", "x", key, chain, true, TestSystem.ALICE))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.kind()).isEqualTo(org.lanyard.core.ErrorKind.INVALID_INPUT);
                });
        assertThat(system.issuerStore.list()).isEmpty();
        assertThat(system.vault.aliases()).isEmpty();
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
