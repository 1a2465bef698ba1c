package org.lanyard.core.ca.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.core.testing.Csrs.san;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.KeyUsagePolicy;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/** Each named modifier alone: the one extension it writes, byte for byte, and when it writes none. */
class ModifiersTest {

    private static X509Certificate issuer;
    private static final SubjectPublicKeyInfo EC_KEY = spki(KeyAlgorithm.EC_P256);
    private static final SubjectPublicKeyInfo RSA_KEY = spki(KeyAlgorithm.RSA_2048);

    @BeforeAll
    static void ca() {
        issuer = TestSystem.withCa(KeyAlgorithm.EC_P256).issuers.resolve(null).issuer().certificate();
    }

    @Test
    void basicConstraintsIsCriticalEndEntity() {
        assertThat(only(Modifiers.endEntityBasicConstraints(), EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.19 critical 3000");
    }

    @Test
    void keyUsageKeepsTheBitsThatFitTheKey() {
        KeyUsagePolicy keyManagement = new KeyUsagePolicy(
                EnumSet.of(KeyUsageBit.keyEncipherment, KeyUsageBit.keyAgreement), List.of());
        // RSA: keyEncipherment (bit 2) only
        assertThat(only(Modifiers.keyUsage(keyManagement), RSA_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.15 critical 03020520");
        // EC: keyAgreement (bit 4) only
        assertThat(only(Modifiers.keyUsage(keyManagement), EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.15 critical 03020308");
        // nothing fits: no extension at all
        KeyUsagePolicy rsaOnly = new KeyUsagePolicy(EnumSet.of(KeyUsageBit.keyEncipherment), List.of());
        assertThat(extensions(Modifiers.keyUsage(rsaOnly), EC_KEY, "CN=x", List.of())).isNull();
    }

    @Test
    void extendedKeyUsageInProfileOrder() {
        assertThat(only(Modifiers.extendedKeyUsage(List.of(ExtendedKeyUsage.clientAuth, ExtendedKeyUsage.serverAuth)),
                EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.37 3014" + "06082b06010505070302" + "06082b06010505070301");
        assertThat(extensions(Modifiers.extendedKeyUsage(List.of()), EC_KEY, "CN=x", List.of())).isNull();
    }

    @Test
    void subjectAltNamesCriticalOnlyWithoutSubject() {
        List<SubjectAltName> sans = List.of(san("DNS:a.example"));
        // [2] IA5String "a.example"
        assertThat(only(Modifiers.subjectAltNames(), EC_KEY, "CN=x", sans))
                .isEqualTo("2.5.29.17 300b8209612e6578616d706c65");
        assertThat(only(Modifiers.subjectAltNames(), EC_KEY, "", sans))
                .isEqualTo("2.5.29.17 critical 300b8209612e6578616d706c65");
        assertThat(extensions(Modifiers.subjectAltNames(), EC_KEY, "CN=x", List.of())).isNull();
    }

    @Test
    void subjectKeyIdentifierIsSha1OfTheKeyBits() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                ASN1BitString.getInstance(EC_KEY.getPublicKeyData()).getOctets());
        assertThat(only(Modifiers.subjectKeyIdentifier(), EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.14 0414" + Hex.toHexString(sha1));
    }

    @Test
    void authorityKeyIdentifierIsTheIssuersSubjectKeyIdentifier() {
        byte[] issuerSki = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets(); // 04 14 <id>
        assertThat(only(Modifiers.authorityKeyIdentifier(), EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.35 30168014" + Hex.toHexString(issuerSki).substring(4));
    }

    @Test
    void crlDistributionPointsOneFullNamePerUrl() {
        // SEQ { DistributionPoint { [0] { [0] { [6] "http://c/x" } } } }
        assertThat(only(Modifiers.crlDistributionPoints(List.of("http://c/x")), EC_KEY, "CN=x", List.of()))
                .isEqualTo("2.5.29.31 30123010a00ea00c860a" + Hex.toHexString("http://c/x".getBytes()));
        assertThat(extensions(Modifiers.crlDistributionPoints(List.of()), EC_KEY, "CN=x", List.of())).isNull();
    }

    @Test
    void authorityInformationAccessOcspThenCaIssuers() {
        String ocsp = "300e06082b06010505073001" + "8602" + Hex.toHexString("h:".getBytes());
        String ca = "300e06082b06010505073002" + "8602" + Hex.toHexString("c:".getBytes());
        assertThat(only(Modifiers.authorityInformationAccess("h:", "c:"), EC_KEY, "CN=x", List.of()))
                .isEqualTo("1.3.6.1.5.5.7.1.1 3020" + ocsp + ca);
        assertThat(only(Modifiers.authorityInformationAccess(null, "c:"), EC_KEY, "CN=x", List.of()))
                .isEqualTo("1.3.6.1.5.5.7.1.1 3010" + ca);
        assertThat(extensions(Modifiers.authorityInformationAccess(null, null), EC_KEY, "CN=x", List.of())).isNull();
    }

    @Test
    void ocspNoCheckIsNull() {
        assertThat(only(Modifiers.ocspNoCheck(), EC_KEY, "CN=x", List.of())).isEqualTo("1.3.6.1.5.5.7.48.1.5 0500");
    }

    @Test
    void anExtensionIsWrittenOnce() {
        TbsBuilder tbs = builder(EC_KEY, "CN=x", List.of());
        assertThatThrownBy(() -> tbs.apply(List.of(Modifiers.ocspNoCheck(), Modifiers.ocspNoCheck())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void modifiersHaveStableNames() {
        assertThat(Set.of(Modifiers.endEntityBasicConstraints(), Modifiers.subjectKeyIdentifier(),
                Modifiers.authorityKeyIdentifier(), Modifiers.subjectAltNames(), Modifiers.ocspNoCheck()).stream()
                .map(CertificateModifier::name))
                .containsExactlyInAnyOrder("basic-constraints", "subject-key-identifier", "authority-key-identifier",
                        "subject-alt-names", "ocsp-no-check");
    }

    private static String only(CertificateModifier modifier, SubjectPublicKeyInfo key, String subject,
            List<SubjectAltName> sans) {
        org.bouncycastle.asn1.x509.Extensions all = extensions(modifier, key, subject, sans);
        assertThat(all).isNotNull();
        assertThat(all.getExtensionOIDs()).hasSize(1);
        Extension e = all.getExtension(all.getExtensionOIDs()[0]);
        return e.getExtnId() + (e.isCritical() ? " critical " : " ") + Hex.toHexString(e.getExtnValue().getOctets());
    }

    private static org.bouncycastle.asn1.x509.Extensions extensions(CertificateModifier modifier,
            SubjectPublicKeyInfo key, String subject, List<SubjectAltName> sans) {
        // basic constraints first so the TBS always has an extension; then look at the rest
        TbsBuilder tbs = builder(key, subject, sans);
        modifier.modify(tbs);
        TBSCertificate built = tbs.build();
        return built.getExtensions();
    }

    private static TbsBuilder builder(SubjectPublicKeyInfo key, String subject, List<SubjectAltName> sans) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new TbsBuilder(BigInteger.TEN, issuer, Certificates.signatureAlgorithm(KeyAlgorithm.EC_P256),
                new X500Name(subject), key, sans, now, now.plusSeconds(3600));
    }

    private static SubjectPublicKeyInfo spki(KeyAlgorithm algorithm) {
        return SubjectPublicKeyInfo.getInstance(Keys.generate(algorithm).getPublic().getEncoded());
    }
}
