package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.crypto.Providers;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;

class CsrIntakeTest {

    private static final byte[] GOOD = Csrs.der(Keys.generate(KeyAlgorithm.EC_P256), "CN=good",
            List.of(Csrs.dns("good.example.com")));

    @ParameterizedTest
    @ValueSource(strings = {"p256", "p384", "rsa2048", "rsa3072"})
    void acceptsEcAndRsaRequestsAsDerAndPem(String algorithm) {
        KeyPair key = Keys.generate(KeyAlgorithm.fromId(algorithm));
        byte[] der = Csrs.der(key, "CN=device", List.of(Csrs.dns("device.example.com")));
        for (byte[] input : List.of(der, Pem.encode("CERTIFICATE REQUEST", der).getBytes(StandardCharsets.US_ASCII),
                Pem.encode("NEW CERTIFICATE REQUEST", der).getBytes(StandardCharsets.US_ASCII))) {
            ParsedCsr csr = CsrIntake.parse(input);
            assertThat(csr.der()).isEqualTo(der);
            assertThat(csr.subject()).isEqualTo(new X500Name("CN=device"));
            assertThat(csr.subjectAltNames()).containsExactly(Csrs.dns("device.example.com"));
            assertThat(KeyAlgorithm.of(csr.publicKey())).contains(KeyAlgorithm.fromId(algorithm));
        }
    }

    static Stream<Arguments> malformed() {
        String pem = Pem.encode("CERTIFICATE REQUEST", GOOD);
        byte[] trailing = Arrays.copyOf(GOOD, GOOD.length + 1);
        byte[] truncated = Arrays.copyOf(GOOD, GOOD.length - 5);
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("empty sequence 30 00", HexFormat.of().parseHex("3000")),
                Arguments.of("sequence of two integers", HexFormat.of().parseHex("3006020101020102")),
                Arguments.of("lone tag", HexFormat.of().parseHex("30")),
                Arguments.of("length beyond the input", HexFormat.of().parseHex("3084ffffffff")),
                Arguments.of("indefinite length (BER)", HexFormat.of().parseHex("30800000")),
                Arguments.of("random bytes", garbage),
                Arguments.of("text", "hello, CA".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("trailing byte", trailing),
                Arguments.of("truncated", truncated),
                Arguments.of("too large", new byte[CsrIntake.MAX_BYTES + 1]),
                Arguments.of("PEM with junk in the body", pem.replace("\n", "\n!!junk!!\n").getBytes()),
                Arguments.of("PEM without the end line", pem.substring(0, pem.indexOf("-----END")).getBytes()),
                Arguments.of("PEM of a certificate", Pem.encode("CERTIFICATE", GOOD).getBytes()),
                Arguments.of("PEM with a broken body", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n".getBytes()),
                Arguments.of("PEM header only", "-----BEGIN CERTIFICATE REQUEST-----".getBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsRefusedAsMalformed(String name, byte[] input) {
        assertThatThrownBy(() -> CsrIntake.parse(input)).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo("csr-malformed");
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_CSR); // v2 (ADR 0013): INVALID_INPUT in v1
        });
    }

    @Test
    void nullIsMalformed() {
        assertThatThrownBy(() -> CsrIntake.parse((byte[]) null)).extracting("code").isEqualTo("csr-malformed");
        assertThatThrownBy(() -> CsrIntake.parse((String) null)).extracting("code").isEqualTo("csr-malformed");
    }

    @Test
    void tamperedSignatureIsRefused() {
        byte[] tampered = GOOD.clone();
        tampered[tampered.length - 3] ^= 0x01; // inside the ECDSA signature's last integer
        assertThatThrownBy(() -> CsrIntake.parse(tampered)).extracting("code").isEqualTo("csr-signature-invalid");
    }

    @Test
    void tamperedSubjectIsRefused() {
        byte[] tampered = GOOD.clone();
        int at = indexOf(tampered, "good".getBytes(StandardCharsets.US_ASCII));
        tampered[at] = 'f';
        assertThatThrownBy(() -> CsrIntake.parse(tampered)).extracting("code").isEqualTo("csr-signature-invalid");
    }

    @Test
    void requestSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair claimed = Keys.generate(KeyAlgorithm.EC_P256);
        KeyPair signer = Keys.generate(KeyAlgorithm.EC_P256);
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), claimed.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bc())
                        .build(signer.getPrivate())).getEncoded();
        assertThatThrownBy(() -> CsrIntake.parse(der)).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo("csr-signature-invalid");
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_CSR); // v2 (ADR 0013): INVALID_INPUT in v1
        });
    }

    @Test
    void unsupportedOrBrokenSansAreRefusedByName() throws Exception {
        KeyPair key = Keys.generate(KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> CsrIntake.parse(withSan(key, new GeneralName(new X500Name("CN=dir")))))
                .extracting("code").isEqualTo("csr-san-unsupported");
        assertThatThrownBy(() -> CsrIntake.parse(withSan(key, new GeneralName(GeneralName.iPAddress,
                new DEROctetString(new byte[5]))))).extracting("code").isEqualTo("csr-san-malformed");
    }

    private static byte[] withSan(KeyPair key, GeneralName name) throws Exception {
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bc()).build(key.getPrivate()))
                .getEncoded();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
