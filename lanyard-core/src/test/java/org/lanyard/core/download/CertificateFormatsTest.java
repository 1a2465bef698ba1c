package org.lanyard.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.Pem;

class CertificateFormatsTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final KeyPair rootKey = keys();
    final KeyPair issuingKey = keys();
    final X509Certificate root = certificate("CN=Root", "CN=Root", rootKey, rootKey, true);
    final X509Certificate issuing = certificate("CN=Issuing", "CN=Root", issuingKey, rootKey, true);
    final X509Certificate leaf = certificate("CN=leaf", "CN=Issuing", keys(), issuingKey, false);
    final List<X509Certificate> issuers = List.of(issuing, root);

    @TempDir
    Path dir;

    @Test
    void singleCertificateAsPemAndDer() throws Exception {
        assertThat(Pem.parseCertificates(text(DownloadFormat.PEM))).containsExactly(leaf);
        assertThat(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                CertificateFormats.render(DownloadFormat.DER, leaf, issuers)))).isEqualTo(leaf);
    }

    @Test
    void chainsInBothOrdersAndTheIssuerChainAlone() {
        assertThat(Pem.parseCertificates(text(DownloadFormat.PEM_CHAIN))).containsExactly(leaf, issuing, root);
        assertThat(Pem.parseCertificates(text(DownloadFormat.PEM_CHAIN_ROOT_FIRST))).containsExactly(root, issuing,
                leaf);
        assertThat(Pem.parseCertificates(text(DownloadFormat.ISSUER_CHAIN))).containsExactly(issuing, root);
    }

    @Test
    void pkcs7IsCertsOnlySignedDataInLeafFirstOrder() throws Exception {
        byte[] der = CertificateFormats.render(DownloadFormat.PKCS7, leaf, issuers);
        CMSSignedData signed = new CMSSignedData(der);
        assertThat(signed.getSignerInfos().size()).isZero();
        List<java.security.cert.Certificate> read = List.copyOf(
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der)));
        assertThat(read).extracting(c -> ((X509Certificate) c).getSubjectX500Principal().getName())
                .containsExactly("CN=leaf", "CN=Issuing", "CN=Root");
        assertThat(text(DownloadFormat.PKCS7_PEM)).startsWith("-----BEGIN PKCS7-----");

        Path p7 = Files.write(dir.resolve("chain.p7b"), der);
        Process openssl = new ProcessBuilder("openssl", "pkcs7", "-inform", "DER", "-in", p7.toString(),
                "-print_certs", "-noout").redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(out).isZero();
        assertThat(out.indexOf("CN = leaf")).isLessThan(out.indexOf("CN = Issuing")).isNotNegative();
    }

    @Test
    void formatsAreNamedAsInTheApi() {
        assertThat(DownloadFormat.of("pkcs7-pem")).isEqualTo(DownloadFormat.PKCS7_PEM);
        assertThat(DownloadFormat.of(null)).isEqualTo(DownloadFormat.PEM);
        assertThatThrownBy(() -> DownloadFormat.of("pfx")).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.code()).isEqualTo("download-format-unknown"));
    }

    private String text(DownloadFormat format) {
        return new String(CertificateFormats.render(format, leaf, issuers), StandardCharsets.US_ASCII);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, String issuer, KeyPair subjectKey, KeyPair issuerKey,
            boolean ca) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(subject.hashCode() & 0xffff),
                    Date.from(START), Date.from(START.plusSeconds(86400)), new X500Name(subject), subjectKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
