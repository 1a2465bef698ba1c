package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.revocation.RevokeCertificateTest.assertRefused;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;

class OcspRequestIntakeTest {

    final X509Certificate issuer = new Revocations(CrlWriterTest.SHARDED).ca.issuing.issuer().certificate();

    @Test
    void aPlainRequestIsRead() {
        OcspQuery query = OcspRequestIntake.parse(OcspClient.request(issuer, BigInteger.valueOf(99), null));
        assertThat(query.ids()).hasSize(1);
        assertThat(query.ids().get(0).getSerialNumber()).isEqualTo(99);
        assertThat(query.cacheable()).isTrue();
    }

    @Test
    void trailingBytesEmptyAndOversizeAreRefused() {
        byte[] request = OcspClient.request(issuer, BigInteger.ONE, null);
        assertRefused(() -> OcspRequestIntake.parse(Arrays.copyOf(request, request.length + 1)),
                ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
        assertRefused(() -> OcspRequestIntake.parse(Arrays.copyOf(request, request.length - 1)),
                ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
        assertRefused(() -> OcspRequestIntake.parse(new byte[0]), ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
        assertRefused(() -> OcspRequestIntake.parse(null), ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
        assertRefused(() -> OcspRequestIntake.parse(new byte[OcspRequestIntake.MAX_BYTES + 1]),
                ErrorKind.INVALID_INPUT, "ocsp-request-too-large");
    }

    @Test
    void tooManyCertificatesAreRefused() throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (int i = 1; i <= OcspRequestIntake.MAX_CERTIFICATES + 1; i++) {
            builder.addRequest(id(BigInteger.valueOf(i)));
        }
        byte[] der = builder.build().getEncoded();
        assertRefused(() -> OcspRequestIntake.parse(der), ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
    }

    @Test
    void nonceLengthFollowsRfc8954() throws Exception {
        assertThat(OcspRequestIntake.parse(OcspClient.request(issuer, BigInteger.ONE, new byte[32])).nonce())
                .isNotNull();
        assertRefused(() -> OcspRequestIntake.parse(OcspClient.request(issuer, BigInteger.ONE, new byte[33])),
                ErrorKind.INVALID_INPUT, "ocsp-nonce-size");
        byte[] emptyNonce = new OCSPReqBuilder().addRequest(id(BigInteger.ONE)).setRequestExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(new byte[0]).getEncoded()))).build().getEncoded();
        assertRefused(() -> OcspRequestIntake.parse(emptyNonce), ErrorKind.INVALID_INPUT, "ocsp-nonce-size");
    }

    @Test
    void getPathsAcceptBothBase64AlphabetsAndUrlEncoding() {
        byte[] der = OcspClient.request(issuer, BigInteger.valueOf(7), null);
        String standard = Base64.getEncoder().encodeToString(der);
        assertThat(OcspRequestIntake.parseGetPath(standard).ids()).hasSize(1);
        assertThat(OcspRequestIntake.parseGetPath("/" + standard.replace("+", "%2B").replace("/", "%2F")
                .replace("=", "%3D")).ids()).hasSize(1);
        assertThat(OcspRequestIntake.parseGetPath(Base64.getUrlEncoder().encodeToString(der)).ids()).hasSize(1);
        assertRefused(() -> OcspRequestIntake.parseGetPath("%%%"), ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
        assertRefused(() -> OcspRequestIntake.parseGetPath(""), ErrorKind.INVALID_INPUT, "ocsp-request-malformed");
    }

    private CertificateID id(BigInteger serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)), new X509CertificateHolder(issuer.getEncoded()),
                serial);
    }
}
