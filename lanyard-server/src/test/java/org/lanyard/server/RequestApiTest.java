package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four eyes over HTTPS (docs/flows/registration.md): a profile that needs two approvals, a
 * requester who cannot approve its own request, a first approval that leaves it pending, a
 * second that issues a certificate which verifies against the CA chain, a rejection that ends
 * another request, each step in the transaction log and in the request's history. Runs on H2
 * ({@link H2RequestApiTest}) and PostgreSQL ({@link PostgresRequestApiTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestServer server;
    String alice;
    String bob;
    String carol;
    String elsa;
    String rita;
    final Map<String, String> operatorIds = new java.util.HashMap<>();

    abstract String postgresUrl();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.tempDir(), postgresUrl());
        alice = operator("alice", BuiltinRoles.NORMAL);
        bob = operator("bob", BuiltinRoles.NORMAL);
        carol = operator("carol", BuiltinRoles.NORMAL);
        elsa = operator("elsa", BuiltinRoles.ELEVATED);
        server.lanyard.saveRole().save(new Role("requester", "Requester", "asks, follows, withdraws",
                Set.of(Permission.CERTIFICATE_ISSUE, Permission.REQUEST_READ), false), Actor.SYSTEM);
        rita = operator("rita", "requester");
        String twoEyes = """
                {"name": "TLS server, four eyes", "allowedKeys": ["p256"], "validity": "P90D",
                 "keyUsage": ["digitalSignature"], "extendedKeyUsage": ["serverAuth"], "subjectTemplate": "CN=${san}",
                 "allowedSanTypes": ["DNS"], "allowedDnsNames": ["*.example.com"], "sanRequired": true,
                 "serverKeyGeneration": true, "approvalsRequired": 2}""";
        HttpResponse<String> put = server.call("PUT", "/api/v1/profiles/tls-four-eyes", twoEyes, server.ownerToken);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).get("approvalsRequired").asInt()).isEqualTo(2);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String operator(String name, String role) {
        var op = server.lanyard.createOperator().create(name, null, Set.of(role), Actor.SYSTEM);
        operatorIds.put(name, op.id());
        return server.lanyard.issueApiToken().issue(op.id(), "test", null, Actor.SYSTEM).secret();
    }

    @Test
    void twoApprovalsByOthersIssueACertificateThatVerifies() throws Exception {
        assertThat(json(server.get("/api/v1/profiles/tls-four-eyes", bob)).get("approvalsRequired").asInt())
                .isEqualTo(2);
        var key = Csrs.ec("secp256r1");
        HttpResponse<String> asked = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                "tls-four-eyes", "csr", Csrs.pem(key, "www.example.com", "www.example.com"))), alice);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode pending = JSON.readTree(asked.body());
        assertThat(pending.get("state").asString()).isEqualTo("pending");
        String id = pending.get("requestId").asString();
        assertThat(asked.headers().firstValue("Location")).contains("/api/v1/requests/" + id);

        // the requester cannot approve its own request; nothing changes
        assertProblem(server.post("/api/v1/requests/" + id + "/approve", "{}", alice), 422, "approval-by-requester");
        // Elevated reads requests but may not approve
        assertThat(server.get("/api/v1/requests/" + id, elsa).statusCode()).isEqualTo(200);
        assertProblem(server.post("/api/v1/requests/" + id + "/approve", "{}", elsa), 403, "permission-denied");

        JsonNode first = json(server.post("/api/v1/requests/" + id + "/approve", "{\"comment\":\"ticket 42\"}", bob));
        assertThat(first.get("state").asString()).isEqualTo("pending");
        assertThat(first.get("approvals")).extracting(a -> a.get("operator").asString())
                .containsExactly("bob (" + operatorId("bob") + ")");
        assertThat(first.has("certificateSerial")).isFalse();
        assertProblem(server.post("/api/v1/requests/" + id + "/approve", null, bob), 422, "approval-duplicate");
        assertThat(ids(json(server.get("/api/v1/requests?state=pending", carol)))).contains(id);

        JsonNode done = json(server.post("/api/v1/requests/" + id + "/approve", null, carol));
        assertThat(done.get("state").asString()).isEqualTo("completed");
        String serial = done.get("certificateSerial").asString();
        X509Certificate cert = TestServer.certificate(json(server.get("/api/v1/certificates/" + serial, alice))
                .get("certificate").asString());
        verifiesAgainstTheChain(cert);
        assertThat(cert.getPublicKey()).isEqualTo(key.getPublic());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com");
        assertThat(ids(json(server.get("/api/v1/requests?state=pending", carol)))).doesNotContain(id);

        // the request's history, and the same steps in the transaction log
        JsonNode shown = json(server.get("/api/v1/requests/" + id, alice));
        assertThat(shown.get("type").asString()).isEqualTo("issue");
        assertThat(shown.get("profile").asString()).isEqualTo("tls-four-eyes");
        assertThat(shown.get("requester").asString()).startsWith("alice (");
        assertThat(shown.get("history")).extracting(e -> e.get("event").asString())
                .containsExactly("requested", "approval", "approval", "approved", "completed");
        assertThat(shown.get("history")).extracting(e -> e.get("actor").asString().replaceFirst(" \\(.*", ""))
                .containsExactly("alice", "bob", "carol", "carol", "carol");
        assertThat(shown.get("history").get(1).get("comment").asString()).isEqualTo("ticket 42");
        assertThat(shown.get("history").get(0).get("at").asString()).isNotBlank();
        JsonNode audit = json(server.get("/api/v1/audit?target=" + id + "&size=50", server.ownerToken));
        assertThat(actions(audit)).containsExactlyInAnyOrder("request.created", "request.approval",
                "request.approval", "request.approved", "request.completed");
        assertThat(actions(json(server.get("/api/v1/audit?target=" + serial, server.ownerToken))))
                .containsExactlyInAnyOrder("certificate.requested", "certificate.issued");
        assertThat(json(server.get("/api/v1/audit/verify", server.ownerToken)).get("problem").asString())
                .isEqualTo("NONE");
    }

    @Test
    void rejectionEndsARequestForGood() throws Exception {
        String id = ask(alice, "rejected.example.com");
        json(server.post("/api/v1/requests/" + id + "/approve", null, bob));

        JsonNode rejected = json(server.post("/api/v1/requests/" + id + "/reject",
                "{\"comment\":\"not our host\"}", carol));

        assertThat(rejected.get("state").asString()).isEqualTo("rejected");
        assertThat(rejected.get("history")).extracting(e -> e.get("event").asString())
                .containsExactly("requested", "approval", "rejected");
        assertThat(rejected.has("certificateSerial")).isFalse();
        assertProblem(server.post("/api/v1/requests/" + id + "/approve", null, carol), 409, "request-not-pending");
        assertProblem(server.post("/api/v1/requests/" + id + "/cancel", null, alice), 409, "request-not-pending");
        assertThat(actions(json(server.get("/api/v1/audit?target=" + id, server.ownerToken))))
                .containsExactlyInAnyOrder("request.created", "request.approval", "request.rejected");
    }

    @Test
    void requesterCancelsItsOwnRequest() throws Exception {
        String id = ask(rita, "cancelled.example.com");
        String other = ask(bob, "kept.example.com");

        assertProblem(server.post("/api/v1/requests/" + id + "/cancel", null, elsa), 403,
                "cancel-by-requester-or-approver");
        assertProblem(server.post("/api/v1/requests/" + other + "/cancel", null, rita), 403,
                "cancel-by-requester-or-approver");
        assertProblem(server.post("/api/v1/requests/" + other + "/approve", null, rita), 403, "permission-denied");
        JsonNode cancelled = json(server.post("/api/v1/requests/" + id + "/cancel", "{\"comment\":\"typo\"}", rita));

        assertThat(cancelled.get("state").asString()).isEqualTo("cancelled");
        assertThat(actions(json(server.get("/api/v1/audit?target=" + id, server.ownerToken))))
                .contains("request.cancelled");
        // an operator who may not approve lists its own requests only
        assertThat(ids(json(server.get("/api/v1/requests", rita)))).contains(id).doesNotContain(other);
        assertThat(ids(json(server.get("/api/v1/requests?state=pending", alice)))).contains(other).doesNotContain(id);
        // an approver may cancel another's request
        assertThat(json(server.post("/api/v1/requests/" + other + "/cancel", null, carol)).get("state").asString())
                .isEqualTo("cancelled");
        assertProblem(server.get("/api/v1/requests/no-such-request", alice), 404, "request-unknown");
        assertProblem(server.get("/api/v1/requests?state=waiting", alice), 400, "request-state-unknown");
    }

    @Test
    void profileWithoutApprovalsAnswers201WithTheCompletedRequest() throws Exception {
        HttpResponse<String> issued = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                "tls-server", "csr", Csrs.pem(Csrs.ec("secp256r1"), "now.example.test", "now.example.test"))), alice);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(issued.body());
        JsonNode request = json(server.get("/api/v1/requests/" + body.get("requestId").asString(), alice));
        assertThat(request.get("state").asString()).isEqualTo("completed");
        assertThat(request.get("certificateSerial").asString()).isEqualTo(body.get("serial").asString());
    }

    @Test
    void channelsThatCannotWaitRefuseProfilesNeedingApproval() throws Exception {
        assertProblem(server.post("/api/v1/certificates/pkcs12", "{\"profile\":\"tls-four-eyes\","
                + "\"subjectAltNames\":[\"DNS:p12.example.com\"],\"password\":\"correct horse\"}", alice), 422,
                "approval-unsupported");
        assertProblem(server.call("PUT", "/api/v1/acme/endpoints/four-eyes", "{\"profiles\":[\"tls-four-eyes\"]}",
                server.ownerToken), 422, "approval-unsupported");
        assertThat(server.get("/api/v1/acme/endpoints", server.ownerToken).body()).doesNotContain("four-eyes\"");
    }

    private String ask(String token, String dns) throws Exception {
        HttpResponse<String> asked = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                "tls-four-eyes", "csr", Csrs.pem(Csrs.ec("secp256r1"), dns, dns))), token);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return JSON.readTree(asked.body()).get("requestId").asString();
    }

    private String operatorId(String name) {
        return operatorIds.get(name);
    }

    private void verifiesAgainstTheChain(X509Certificate cert) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert, server.chain.get(0)));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(server.chain.get(1), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, params); // throws when the chain does not verify
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }
}
