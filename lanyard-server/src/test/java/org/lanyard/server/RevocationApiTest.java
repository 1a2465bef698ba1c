package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.download.DownloadFormat;
import org.lanyard.core.revocation.RevocationReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revocation over the real server (docs/flows/revocation.md): revoke, hold and resume through the
 * API, CRL shards and OCSP fetched from the URLs written into the certificate over plain HTTP,
 * downloads in every format, typed refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RevocationApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestServer server;
    X509Certificate issuerCert;

    abstract String postgresUrl();

    @BeforeAll
    void start() throws Exception {
        Path dir = TestServer.tempDir();
        server = TestServer.start(dir, postgresUrl());
        issuerCert = server.chain.get(0);
        await("the first OCSP responder certificate and CRLs", () -> !server.lanyard.validation().responder()
                .presign("test", BigInteger.ONE).der().equals(null) && crlPresent());
    }

    private boolean crlPresent() {
        try {
            return server.lanyard.validation().crl("test", 0, false).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // retry
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    record Issued(String serial, X509Certificate certificate) {
    }

    Issued issue(String name) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                "tls-server", "csr", Csrs.pem(Csrs.ec("secp256r1"), name, name))), server.ownerToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        return new Issued(body.get("serial").asString(), TestServer.certificate(body.get("certificate").asString()));
    }

    HttpResponse<String> revoke(String serial, String json) throws Exception {
        return server.post("/api/v1/certificates/" + serial + "/revoke", json, server.ownerToken);
    }

    static String crlUrl(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        return GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0].getName().toString();
    }

    static String aia(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        for (AccessDescription d : AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(value)
                .getOctets()).getAccessDescriptions()) {
            if (d.getAccessMethod().equals(method)) {
                return d.getAccessLocation().getName().toString();
            }
        }
        return null;
    }

    X509CRL fetchCrl(String url) throws Exception {
        HttpResponse<byte[]> response = server.exchange("GET", url, null, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(response.body()));
        crl.verify(issuerCert.getPublicKey());
        return crl;
    }

    byte[] ocspRequest(BigInteger serial, boolean nonce) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuerCert.getEncoded()), serial));
        if (nonce) {
            byte[] value = new byte[16];
            new SecureRandom().nextBytes(value);
            builder.setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(value)))));
        }
        return builder.build().getEncoded();
    }

    /** The single response, signature checked against the responder certificate, which the issuer signed. */
    SingleResp ocsp(String url, BigInteger serial) throws Exception {
        HttpResponse<byte[]> response = server.exchange("POST", url, ocspRequest(serial, true),
                "application/ocsp-request", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        OCSPResp resp = new OCSPResp(response.body());
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        X509CertificateHolder responder = basic.getCerts()[0];
        assertThat(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuerCert))).isTrue();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        return basic.getResponses()[0];
    }

    int ocspStatus(byte[] body, String contentType) throws Exception {
        HttpResponse<byte[]> response = server.exchange("POST", server.httpBase + "/ocsp", body, contentType, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new OCSPResp(response.body()).getStatus();
    }

    @Test
    void certificatesPointAtWorkingPlainHttpCrlOcspAndIssuerUrls() throws Exception {
        Issued issued = issue("urls.example.test");
        String crl = crlUrl(issued.certificate());
        int shard = (int) Long.remainderUnsigned(issued.certificate().getSerialNumber().longValue(), 4);
        assertThat(crl).isEqualTo(server.httpBase + "/crl/test/" + shard + ".crl");
        assertThat(aia(issued.certificate(), AccessDescription.id_ad_ocsp)).isEqualTo(server.httpBase + "/ocsp");
        String caIssuers = aia(issued.certificate(), AccessDescription.id_ad_caIssuers);
        assertThat(caIssuers).isEqualTo(server.httpBase + "/ca/test.crt");

        HttpResponse<byte[]> ca = server.exchange("GET", caIssuers, null, null, null);
        assertThat(ca.statusCode()).isEqualTo(200);
        assertThat(ca.body()).isEqualTo(issuerCert.getEncoded());
        HttpResponse<byte[]> crlResponse = server.exchange("GET", crl, null, null, null);
        assertThat(crlResponse.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        assertThat(crlResponse.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(crlResponse.headers().firstValue("ETag")).isPresent();
        assertThat(crlResponse.headers().firstValue("Last-Modified")).isPresent();
        assertThat(crlResponse.headers().firstValue("Expires")).isPresent();
        X509CRL fetched = fetchCrl(crl);
        assertThat(fetched.getNextUpdate()).isAfter(fetched.getThisUpdate());
        assertThat(fetchCrl(server.httpBase + "/crl/test/" + shard + "-delta.crl")
                .getExtensionValue(Extension.deltaCRLIndicator.getId())).isNotNull();
        assertThat(ocsp(server.httpBase + "/ocsp", issued.certificate().getSerialNumber()).getCertStatus()).isNull();
    }

    @Test
    void plainHttpServesOnlyPublication() throws Exception {
        assertThat(server.exchange("GET", server.httpBase + "/api/v1/health", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(server.exchange("GET", server.httpBase + "/api/v1/certificates", null, null, server.ownerToken)
                .statusCode()).isEqualTo(404);
        assertThat(server.exchange("GET", server.httpBase + "/console/", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(server.exchange("GET", server.httpBase + "/crl/test/999.crl", null, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void revokeHoldAndResumeShowInCrlAndOcsp() throws Exception {
        Issued revoked = issue("revoked.example.test");
        Instant invalidity = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> response = revoke(revoked.serial(),
                "{\"reason\":\"keyCompromise\",\"invalidityDate\":\"" + invalidity + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(response.body());
        assertThat(view.get("status").asString()).isEqualTo("revoked");
        assertThat(view.get("revocationReason").asString()).isEqualTo("keyCompromise");
        assertThat(view.get("invalidityDate").asString()).isEqualTo(invalidity.toString());

        BigInteger serial = revoked.certificate().getSerialNumber();
        String crlUrl = crlUrl(revoked.certificate());
        await("the revocation in the CRL", () -> crlHas(crlUrl, serial));
        X509CRLEntry entry = fetchCrl(crlUrl).getRevokedCertificate(serial);
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        SingleResp single = ocsp(server.httpBase + "/ocsp", serial);
        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) single.getCertStatus()).getRevocationReason()).isEqualTo(1);

        // twice, or resuming a revoked certificate: 409, nothing changes
        HttpResponse<String> again = revoke(revoked.serial(), "{\"reason\":\"superseded\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("certificate-already-revoked");
        HttpResponse<String> resume = server.post("/api/v1/certificates/" + revoked.serial() + "/resume", null,
                server.ownerToken);
        assertThat(resume.statusCode()).isEqualTo(409);
        assertThat(resume.body()).contains("certificate-not-on-hold");

        // hold, then resume: revoked (certificateHold), then good again, and off the CRL
        Issued held = issue("held.example.test");
        BigInteger heldSerial = held.certificate().getSerialNumber();
        assertThat(revoke(held.serial(), "{\"reason\":\"certificateHold\"}").body()).contains("\"on-hold\"");
        assertThat(((RevokedStatus) ocsp(server.httpBase + "/ocsp", heldSerial).getCertStatus())
                .getRevocationReason()).isEqualTo(6);
        await("the hold in the CRL", () -> crlHas(crlUrl(held.certificate()), heldSerial));
        HttpResponse<String> resumed = server.post("/api/v1/certificates/" + held.serial() + "/resume", null,
                server.ownerToken);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(ocsp(server.httpBase + "/ocsp", heldSerial).getCertStatus()).isNull();
        await("the lifted hold off the CRL", () -> !crlHas(crlUrl(held.certificate()), heldSerial));
        assertThat(revoke("0abc", "{\"reason\":\"keyCompromise\"}").statusCode()).isEqualTo(404);
        assertThat(revoke(held.serial(), "{\"reason\":\"removeFromCRL\"}").statusCode()).isEqualTo(400);
        assertThat(revoke(held.serial(), "{\"reason\":\"keyCompromise\",\"invalidityDate\":\"2999-01-01T00:00:00Z\"}")
                .body()).contains("invalidity-date-future");
    }

    private boolean crlHas(String url, BigInteger serial) {
        try {
            return fetchCrl(url).getRevokedCertificate(serial) != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 100 random revocations all appear in their shards' next CRLs and in OCSP. */
    @Test
    void manyRevocationsAllAppearInCrlShardsAndOcsp() throws Exception {
        List<X509Certificate> certs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            certs.add(server.lanyard.issueCertificate().issue(new IssuanceRequest("tls-server",
                    CsrIntake.parse(Csrs.pem(Csrs.ec("secp256r1"), "bulk" + i + ".example.test",
                            "bulk" + i + ".example.test")), Map.of(), Actor.SYSTEM)).certificate());
        }
        RevocationReason[] reasons = {RevocationReason.keyCompromise, RevocationReason.superseded,
            RevocationReason.cessationOfOperation, RevocationReason.affiliationChanged};
        for (int i = 0; i < certs.size(); i++) {
            server.lanyard.validation().revoke(certs.get(i).getSerialNumber(), reasons[i % reasons.length], null,
                    Actor.SYSTEM);
        }
        for (X509Certificate cert : certs) {
            await("serial in its shard's CRL", () -> crlHas(crlUrl(cert), cert.getSerialNumber()));
        }
        for (int i = 0; i < certs.size(); i += 7) {
            SingleResp single = ocsp(server.httpBase + "/ocsp", certs.get(i).getSerialNumber());
            assertThat(((RevokedStatus) single.getCertStatus()).getRevocationReason())
                    .isEqualTo(reasons[i % reasons.length].code());
        }
    }

    @Test
    void neverIssuedSerialsAreUnknownAndBadRequestsAreTypedOcspErrors() throws Exception {
        assertThat(ocsp(server.httpBase + "/ocsp", new BigInteger("123456789abcdef", 16)).getCertStatus())
                .isInstanceOf(UnknownStatus.class);
        assertThat(ocspStatus("not der".getBytes(StandardCharsets.US_ASCII), "application/ocsp-request"))
                .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(ocspStatus(new byte[20_000], "application/ocsp-request")).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(ocspStatus(new byte[0], null)).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        // a CertID naming an issuer this responder does not serve
        byte[] foreign = new OCSPReqBuilder().addRequest(new CertificateID(new org.bouncycastle.asn1.ocsp.CertID(
                CertificateID.HASH_SHA1, new DEROctetString(new byte[20]), new DEROctetString(new byte[20]),
                new org.bouncycastle.asn1.ASN1Integer(10)))).build().getEncoded();
        assertThat(ocspStatus(foreign, "application/ocsp-request")).isEqualTo(OCSPResp.UNAUTHORIZED);
        HttpResponse<byte[]> get = server.exchange("GET", server.httpBase + "/ocsp/not-base64!!", null, null, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(get.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void rfc5019GetIsAnsweredWithCachingHeaders() throws Exception {
        Issued issued = issue("get.example.test");
        String base64 = Base64.getEncoder().encodeToString(ocspRequest(issued.certificate().getSerialNumber(), false));
        HttpResponse<byte[]> response = server.exchange("GET", server.httpBase + "/ocsp/"
                + java.net.URLEncoder.encode(base64, StandardCharsets.US_ASCII), null, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        OCSPResp resp = new OCSPResp(response.body());
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        assertThat(((BasicOCSPResp) resp.getResponseObject()).getResponses()[0].getCertStatus()).isNull();
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
    }

    static Stream<DownloadFormat> formats() {
        return Stream.of(DownloadFormat.values());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyDownloadFormatIsServed(DownloadFormat format) throws Exception {
        Issued issued = issue("download-" + format.apiName() + ".example.test");
        HttpResponse<byte[]> response = server.exchange("GET", server.base() + "/api/v1/certificates/"
                + issued.serial() + "/download?format=" + format.apiName(), null, null, server.ownerToken);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(format.contentType());
        List<java.security.cert.Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(response.body())));
        int expected = switch (format) {
            case PEM, DER -> 1;
            case ISSUER_CHAIN -> server.chain.size();
            default -> server.chain.size() + 1;
        };
        assertThat(certs).hasSize(expected);
        if (format != DownloadFormat.ISSUER_CHAIN) {
            assertThat(certs).contains((java.security.cert.Certificate) issued.certificate());
        }
        assertThat(server.exchange("GET", server.base() + "/api/v1/certificates/" + issued.serial()
                + "/download?format=zip", null, null, server.ownerToken).statusCode()).isEqualTo(400);
    }
}
