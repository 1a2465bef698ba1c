package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;

/** {@code GET /api/v1/metrics}: what happened on the node shows in Prometheus' format, behind METRICS_READ. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest {

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.tempDir(), null);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/metrics", server.ownerToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    /** The value of the one series of {@code name} whose labels include every {@code label="value"} given. */
    private static double value(String scrape, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        while (line.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= line.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    @Test
    void issuanceRefusalsSigningAndOcspAreCounted() throws Exception {
        String before = scrape();
        double issued = value(before, "lanyard_certificates_issued_total", "profile=\"tls-server\"");
        double refused = value(before, "lanyard_requests_refused_total", "code=\"csr-malformed\"");

        HttpResponse<String> ok = server.post("/api/v1/certificates", TestServer.json(Map.of("profile", "tls-server",
                "csr", Csrs.pem(Csrs.ec("secp256r1"), "metrics.example.test", "metrics.example.test"))),
                server.ownerToken);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        HttpResponse<String> bad = server.post("/api/v1/certificates",
                TestServer.json(Map.of("profile", "tls-server", "csr", "not a CSR")), server.ownerToken);
        assertThat(bad.statusCode()).isEqualTo(400);

        var leaf = TestServer.certificate(tools.jackson.databind.json.JsonMapper.builder().build().readTree(ok.body())
                .get("certificate").asString());
        byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(server.chain.get(0)), leaf.getSerialNumber())).build().getEncoded();
        HttpResponse<byte[]> ocsp = server.exchange("POST", server.httpBase + "/ocsp", request,
                "application/ocsp-request", null);
        assertThat(new OCSPResp(ocsp.body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);

        String after = scrape();
        assertThat(value(after, "lanyard_certificates_issued_total", "profile=\"tls-server\"")).isEqualTo(issued + 1);
        assertThat(value(after, "lanyard_requests_refused_total", "code=\"csr-malformed\"", "front_end=\"rest\""))
                .isEqualTo(refused + 1);
        assertThat(value(after, "lanyard_signer_seconds_count", "outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "lanyard_ocsp_responses_total", "outcome=\"successful\"", "state=\"good\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after).contains("jvm_memory_used_bytes");
        assertThat(after).doesNotContain("metrics.example.test"); // names of subjects never become labels
    }

    @Test
    void metricsNeedTheirPermission() throws Exception {
        server.lanyard.saveRole().save(new Role("reader", "Reader", "", Set.of(Permission.CERTIFICATE_READ), false),
                Actor.SYSTEM);
        var reader = server.lanyard.createOperator().create("op-metrics-reader", null, Set.of("reader"), Actor.SYSTEM);
        String token = server.lanyard.issueApiToken().issue(reader.id(), "t", null, Actor.SYSTEM).secret();
        assertThat(server.get("/api/v1/metrics", token).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/metrics", null).statusCode()).isEqualTo(401);
    }
}
