package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Delegated administration never escalates privileges: an operator manager cannot mint tokens
 * for the System Owner or grant roles it does not cover, a role manager cannot give roles
 * permissions it lacks, a Normal operator cannot get a delegated OCSP responder certificate,
 * profiles cannot send leaves to the root CA, and oversized bodies are refused before parsing.
 * Each refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;
    private String ownerId;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.tempDir(), null);
        ownerId = json(server.get("/api/v1/operators/me", server.ownerToken)).get("id").asString();
        saveRole("operator-manager", "[\"OPERATOR_MANAGE\",\"OPERATOR_READ\"]", server.ownerToken, 200);
        saveRole("role-manager", "[\"ROLE_MANAGE\"]", server.ownerToken, 200);
        saveRole("reader", "[\"OPERATOR_READ\"]", server.ownerToken, 200);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void operatorManagerCannotActForTheSystemOwnerOrGrantMoreThanItHolds() throws Exception {
        String dave = tokenFor(createOperator("dave", "operator-manager", server.ownerToken));
        long events = total("/api/v1/audit?size=1");

        assertRefused(server.post("/api/v1/operators/" + ownerId + "/tokens", "{\"name\":\"stolen\"}", dave),
                403, "privilege-escalation");
        assertRefused(server.post("/api/v1/operators", "{\"name\":\"mallory\",\"roles\":[\"system-administrator\"]}",
                dave), 403, "privilege-escalation");
        assertRefused(server.post("/api/v1/operators", "{\"name\":\"mallory2\",\"roles\":[\"system-owner\"]}", dave),
                403, "privilege-escalation");
        assertThat(total("/api/v1/audit?size=1")).as("refusals change nothing").isEqualTo(events);
        assertThat(server.get("/api/v1/operators", server.ownerToken).body()).doesNotContain("mallory");

        // what dave holds, dave may hand out
        HttpResponse<String> reader = server.post("/api/v1/operators", "{\"name\":\"rita\",\"roles\":[\"reader\"]}", dave);
        assertThat(reader.statusCode()).as(reader.body()).isEqualTo(201);
        HttpResponse<String> token = server.post("/api/v1/operators/" + json(reader).get("id").asString() + "/tokens",
                "{\"name\":\"rita-cli\"}", dave);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    }

    @Test
    void roleManagerCannotGiveRolesPermissionsItLacks() throws Exception {
        String erin = tokenFor(createOperator("erin", "role-manager", server.ownerToken));
        assertRefused(server.call("PUT", "/api/v1/roles/role-manager", "{\"name\":\"Role manager\",\"permissions\":"
                + "[\"ROLE_MANAGE\",\"AUDIT_READ\"]}", erin), 403, "privilege-escalation");
        assertRefused(server.call("PUT", "/api/v1/roles/system-administrator", "{\"name\":\"x\",\"permissions\":"
                + "[\"ROLE_MANAGE\"]}", erin), 403, "privilege-escalation");
        assertThat(server.get("/api/v1/audit?size=1", erin).statusCode()).isEqualTo(403);
        JsonNode roles = json(server.get("/api/v1/roles", server.ownerToken));
        for (JsonNode role : roles) {
            if (role.get("id").asString().equals("role-manager")) {
                assertThat(role.get("permissions").toString()).isEqualTo("[\"ROLE_MANAGE\"]");
            }
        }
        saveRole("role-manager", "[\"ROLE_MANAGE\"]", erin, 200);
    }

    @Test
    void onlyIssuerManagersGetDelegatedOcspResponderCertificates() throws Exception {
        String alice = tokenFor(createOperator("alice", "normal", server.ownerToken));
        String csr = Csrs.pem(Csrs.ec("secp256r1"), "evil-ocsp");
        String body = TestServer.json(Map.of("profile", "ocsp-signing", "csr", csr));
        long certificates = total("/api/v1/certificates?size=1");
        assertRefused(server.post("/api/v1/certificates", body, alice), 403, "profile-restricted");
        assertThat(total("/api/v1/certificates?size=1")).isEqualTo(certificates);
        assertThat(server.post("/api/v1/certificates", TestServer.json(Map.of("profile", "tls-server", "csr",
                Csrs.pem(Csrs.ec("secp256r1"), "ok.example.test", "ok.example.test"))), alice).statusCode())
                .isEqualTo(201);
        HttpResponse<String> owner = server.post("/api/v1/certificates", body, server.ownerToken);
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(201);
    }

    @Test
    void profilesCannotIssueFromTheRootCa() throws Exception {
        String root = server.chain.get(server.chain.size() - 1).getSubjectX500Principal().getName();
        String rootId = null;
        for (JsonNode issuer : json(server.get("/api/v1/issuers", server.ownerToken))) {
            if (issuer.get("subject").asString().equals(root)) {
                rootId = issuer.get("id").asString();
            }
        }
        assertThat(rootId).as("the root CA is listed among the issuers").isNotNull();
        HttpResponse<String> put = server.call("PUT", "/api/v1/profiles/root-direct", """
                {"name": "Root direct", "allowedKeys": ["p256"], "validity": "P30D", "keyUsage": ["digitalSignature"],
                 "extendedKeyUsage": ["serverAuth"], "subjectTemplate": "", "allowedSanTypes": ["DNS"],
                 "allowedDnsNames": ["*"], "sanRequired": true, "issuer": "%s"}""".formatted(rootId), server.ownerToken);
        assertThat(put.statusCode()).as(put.body()).isBetween(400, 422);
        assertThat(put.body()).contains("root CA");
        assertThat(server.get("/api/v1/profiles/root-direct", server.ownerToken).statusCode()).isEqualTo(404);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String big = "{\"profile\":\"tls-server\",\"csr\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> declared = server.post("/api/v1/certificates", big, server.ownerToken);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("request-too-large");

        // chunked: no Content-Length, the limit applies while reading
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/certificates"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + server.ownerToken)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))).build();
        HttpResponse<String> streamed = server.client().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("request-too-large");
    }

    @Test
    void disablingAnOperatorOrRevokingATokenCutsItOff() throws Exception {
        String frankId = createOperator("frank", "reader", server.ownerToken);
        String frank = tokenFor(frankId);
        assertThat(server.get("/api/v1/operators/me", frank).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = server.post("/api/v1/operators/" + frankId + "/disable", null, server.ownerToken);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertRefused(server.get("/api/v1/operators/me", frank), 401, "operator-disabled");
        assertThat(server.post("/api/v1/operators/" + frankId + "/enable", null, server.ownerToken).statusCode())
                .isEqualTo(200);
        assertThat(server.get("/api/v1/operators/me", frank).statusCode()).isEqualTo(200);

        JsonNode tokens = json(server.get("/api/v1/operators/" + frankId + "/tokens", server.ownerToken));
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).get("expiresAt").isNull()).as("API tokens expire by default").isFalse();
        assertThat(tokens.get(0).toString()).doesNotContain(frank);
        String tokenId = tokens.get(0).get("id").asString();
        assertThat(server.call("DELETE", "/api/v1/operators/" + frankId + "/tokens/" + tokenId, null,
                server.ownerToken).statusCode()).isEqualTo(200);
        assertRefused(server.get("/api/v1/operators/me", frank), 401, "token-invalid");
        assertRefused(server.call("DELETE", "/api/v1/operators/" + frankId + "/tokens/" + tokenId, null,
                server.ownerToken), 409, "token-revoked");

        String gina = tokenFor(createOperator("gina", "operator-manager", server.ownerToken));
        assertRefused(server.post("/api/v1/operators/" + ownerId + "/disable", null, gina), 409, "operator-protected");
        assertThat(server.get("/api/v1/operators/me", server.ownerToken).statusCode()).isEqualTo(200);
    }

    private String createOperator(String name, String role, String token) throws Exception {
        HttpResponse<String> created = server.post("/api/v1/operators",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private String tokenFor(String operatorId) throws Exception {
        HttpResponse<String> issued = server.post("/api/v1/operators/" + operatorId + "/tokens", "{\"name\":\"t\"}",
                server.ownerToken);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued).get("token").asString();
    }

    private void saveRole(String id, String permissions, String token, int status) throws Exception {
        HttpResponse<String> put = server.call("PUT", "/api/v1/roles/" + id,
                "{\"name\":\"" + id + "\",\"permissions\":" + permissions + "}", token);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(status);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("code").asString()).isEqualTo(code);
    }

    private long total(String path) throws Exception {
        return json(server.get(path, server.ownerToken)).get("total").asLong();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
