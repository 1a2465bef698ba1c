package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST contract of issue #2 against a real server: issuance over HTTPS whose result verifies
 * against the chain, and the bad-input table, each refusal typed and changing nothing. Runs on
 * H2 ({@link H2ApiContractTest}) and PostgreSQL ({@link PostgresApiContractTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    Path dir;
    TestServer server;

    abstract String postgresUrl();

    @BeforeAll
    void start() throws Exception {
        dir = TestServer.tempDir();
        server = TestServer.start(dir, postgresUrl());
        // a profile that only allows names below example.com, to test SAN refusals
        String restricted = """
                {"name": "Restricted TLS", "allowedKeys": ["p256"], "validity": "P90D",
                 "keyUsage": ["digitalSignature"], "extendedKeyUsage": ["serverAuth"], "subjectTemplate": "CN=${san}",
                 "allowedSanTypes": ["DNS"], "allowedDnsNames": ["*.example.com"], "sanRequired": true}""";
        HttpResponse<String> put = server.call("PUT", "/api/v1/profiles/restricted-tls", restricted, server.ownerToken);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void issuedCertificateVerifiesAgainstTheChainAndIsStored() throws Exception {
        var key = Csrs.ec("secp256r1");
        HttpResponse<String> response = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                "tls-server", "csr", Csrs.pem(key, "api.example.test", "api.example.test", "www.api.example.test"))),
                server.ownerToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        X509Certificate cert = TestServer.certificate(body.get("certificate").asString());

        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        var path = cf.generateCertPath(List.of(cert, server.chain.get(0)));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(server.chain.get(1), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, params); // throws when the chain does not verify
        assertThat(cert.getPublicKey()).isEqualTo(key.getPublic());
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .containsExactly("api.example.test", "www.api.example.test");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");

        String serial = body.get("serial").asString();
        assertThat(cert.getSerialNumber().toString(16)).isEqualTo(serial.replaceFirst("^0", ""));
        JsonNode shown = JSON.readTree(server.get("/api/v1/certificates/" + serial, server.ownerToken).body());
        assertThat(shown.get("status").asString()).isEqualTo("valid");
        assertThat(shown.get("certificate").asString()).isEqualTo(body.get("certificate").asString());
        JsonNode found = JSON.readTree(server.get("/api/v1/certificates?san=www.api.example", server.ownerToken).body());
        assertThat(found.get("items")).extracting(n -> n.get("serial").asString()).contains(serial);
        JsonNode audit = JSON.readTree(server.get("/api/v1/audit?target=" + serial, server.ownerToken).body());
        assertThat(audit.get("items")).extracting(n -> n.get("action").asString())
                .containsExactlyInAnyOrder("certificate.requested", "certificate.issued");
        JsonNode verify = JSON.readTree(server.get("/api/v1/audit/verify", server.ownerToken).body());
        assertThat(verify.get("problem").asString()).isEqualTo("NONE");
    }

    @Test
    void serverGeneratedKeyComesBackAsPkcs12() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/certificates/pkcs12", "{\"profile\":\"tls-server\","
                + "\"subjectAltNames\":[\"DNS:p12.example.test\"],\"password\":\"correct horse\"}", server.ownerToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        byte[] p12 = Base64.getDecoder().decode(JSON.readTree(response.body()).get("pkcs12").asString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), "correct horse".toCharArray());
        String alias = store.aliases().nextElement();
        X509Certificate cert = (X509Certificate) store.getCertificate(alias);
        assertThat(store.getCertificateChain(alias)).hasSize(3);
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1)).containsExactly("p12.example.test");
        assertThat(store.getKey(alias, "correct horse".toCharArray())).isNotNull();
    }

    Stream<Arguments> badInput() throws Exception {
        var p256 = Csrs.ec("secp256r1");
        String good = Csrs.pem(p256, "ok.example.com", "ok.example.com");
        String thirtyZero = "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n";
        String owner = "owner";
        return Stream.of(
                // name, body, token, status, code
                Arguments.of("garbage CSR", issue("tls-server", "not a csr"), owner, 400, "csr-malformed"),
                Arguments.of("the two bytes 30 00", issue("tls-server", thirtyZero), owner, 400, "csr-malformed"),
                Arguments.of("wrong signature", issue("tls-server", Csrs.badSignature(p256, "x", "x.example.com")), owner,
                        400, "csr-signature-invalid"),
                Arguments.of("RSA-1024", issue("tls-server", Csrs.pem(Csrs.rsa(1024), "x", "x.example.com")), owner, 422,
                        "key-algorithm-allowed"),
                Arguments.of("P-192", issue("tls-server", Csrs.pem(Csrs.ec("secp192r1"), "x", "x.example.com")), owner,
                        422, "key-algorithm-allowed"),
                Arguments.of("SAN the profile forbids", issue("restricted-tls", Csrs.pem(p256, "x", "evil.test")), owner,
                        422, "dns-name-allowed"),
                Arguments.of("unknown profile", issue("no-such-profile", good), owner, 404, "profile-unknown"),
                Arguments.of("missing token", issue("tls-server", good), null, 401, "credentials-missing"),
                Arguments.of("invalid token", issue("tls-server", good), "lyd_not-a-real-token", 401, "token-invalid"),
                Arguments.of("malformed JSON", "{\"profile\": ", owner, 400, "request-malformed"),
                Arguments.of("missing CSR", "{\"profile\":\"tls-server\"}", owner, 400, "csr-missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedWithATypedProblemAndChangesNothing(String name, String body, String token, int status,
            String code) throws Exception {
        long certificates = total("/api/v1/certificates?size=1");
        long events = total("/api/v1/audit?size=1");
        long requests = total("/api/v1/requests?size=1");
        HttpResponse<String> response = server.post("/api/v1/certificates", body,
                "owner".equals(token) ? server.ownerToken : token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("urn:lanyard:problem:" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(total("/api/v1/certificates?size=1")).as("certificate records").isEqualTo(certificates);
        assertThat(total("/api/v1/audit?size=1")).as("audit events").isEqualTo(events);
        assertThat(total("/api/v1/requests?size=1")).as("registration requests").isEqualTo(requests);
    }

    @Test
    void openApiDocumentListsTheRoutes() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("paths").propertyNames())
                .contains("/api/v1/certificates", "/api/v1/certificates/{serial}", "/api/v1/profiles/{id}",
                        "/api/v1/audit/verify");
    }

    private long total(String path) throws Exception {
        return JSON.readTree(server.get(path, server.ownerToken).body()).get("total").asLong();
    }

    private static String issue(String profile, String csr) {
        return TestServer.json(Map.of("profile", profile, "csr", csr));
    }
}
