package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lanyard.store.Database;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JWS abuse catalogue of issue 4: each request is refused with the ACME error type RFC 8555
 * names for it, and the database holds exactly what it held before (accounts, orders,
 * authorizations, certificates, the audit log; the redeemed-nonce ledger is not state).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeJwsAbuseTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    AcmeFixture acme;
    RawAcme raw;
    KeyPair alice;
    KeyPair bob;
    String aliceUrl;
    String bobUrl;
    String newOrder;
    List<String> before;

    @BeforeAll
    void start() throws Exception {
        acme = AcmeFixture.start(null, Map.of());
        raw = new RawAcme(acme.server.base());
        alice = AcmeFixture.p256();
        bob = AcmeFixture.p256();
        aliceUrl = raw.newAccount(alice);
        bobUrl = raw.newAccount(bob);
        newOrder = acme.server.base() + "/acme/default/new-order";
    }

    @AfterAll
    void stop() throws Exception {
        acme.close();
    }

    @BeforeEach
    void snapshot() throws Exception {
        before = state();
    }

    @AfterEach
    void nothingChanged() throws Exception {
        assertThat(state()).isEqualTo(before);
    }

    List<String> state() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Database.h2File(acme.server.lanyard.settings().dataDir()), "sa", "")) {
            for (String query : List.of("SELECT id, thumbprint, status, contacts FROM acme_accounts ORDER BY id",
                    "SELECT id, status FROM acme_orders ORDER BY id", "SELECT id, status FROM acme_authorizations ORDER BY id",
                    "SELECT serial, status FROM certificates ORDER BY serial", "SELECT COUNT(*) FROM audit_events")) {
                try (ResultSet r = c.createStatement().executeQuery(query)) {
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            row.append(r.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:ietf:params:acme:error:" + type);
        assertThat(response.headers().firstValue("Replay-Nonce")).isPresent();
    }

    String order(String name) {
        return "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"" + name + "\"}]}";
    }

    @Test
    void reusedNonce() throws Exception {
        String nonce = raw.nonce();
        String body = RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\"", nonce, aliceUrl), null);
        assertThat(raw.post(aliceUrl, body).statusCode()).isEqualTo(200);
        assertProblem(raw.post(aliceUrl, body), 400, "badNonce");
    }

    @Test
    void unknownNonce() throws Exception {
        assertProblem(raw.post(aliceUrl, RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\"",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", aliceUrl), null)), 400, "badNonce");
    }

    @Test
    void algNone() throws Exception {
        String header = RawAcme.b64(RawAcme.header("none", "\"kid\":\"" + aliceUrl + "\"", raw.nonce(), newOrder));
        String body = "{\"protected\":\"" + header + "\",\"payload\":\"" + RawAcme.b64(order("none.example.test"))
                + "\",\"signature\":\"\"}";
        assertProblem(raw.post(newOrder, body), 400, "badSignatureAlgorithm");
    }

    @Test
    void hs256() throws Exception {
        String header = RawAcme.b64(RawAcme.header("HS256", "\"kid\":\"" + aliceUrl + "\"", raw.nonce(), newOrder));
        String payload = RawAcme.b64(order("hs.example.test"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(RawAcme.jwk(alice).getBytes(), "HmacSHA256"));
        String signature = RawAcme.b64(mac.doFinal((header + "." + payload).getBytes()));
        assertProblem(raw.post(newOrder, "{\"protected\":\"" + header + "\",\"payload\":\"" + payload
                + "\",\"signature\":\"" + signature + "\"}"), 400, "badSignatureAlgorithm");
    }

    @Test
    void urlHeaderNotMatchingTheRequest() throws Exception {
        String body = RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\"", raw.nonce(),
                aliceUrl), order("url.example.test"));
        assertProblem(raw.post(newOrder, body), 403, "unauthorized");
    }

    @Test
    void bothJwkAndKid() throws Exception {
        String body = RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\",\"jwk\":"
                + RawAcme.jwk(alice), raw.nonce(), newOrder), order("both.example.test"));
        assertProblem(raw.post(newOrder, body), 400, "malformed");
    }

    @Test
    void kidOfAnotherAccount() throws Exception {
        // alice signs but names bob's account: the signature does not verify with bob's key
        assertProblem(raw.postAs(alice, bobUrl, newOrder, order("kid.example.test")), 400, "malformed");
    }

    @Test
    void badSignature() throws Exception {
        String body = RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\"", raw.nonce(), newOrder),
                order("sig.example.test"));
        JsonNode jws = JSON.readTree(body);
        String signature = jws.get("signature").asString();
        String flipped = (signature.charAt(5) == 'A' ? "B" : "A");
        body = body.replace(signature, signature.substring(0, 5) + flipped + signature.substring(6));
        assertProblem(raw.post(newOrder, body), 400, "malformed");
    }

    @Test
    void tamperedPayload() throws Exception {
        String body = RawAcme.jws(alice, RawAcme.header("ES256", "\"kid\":\"" + aliceUrl + "\"", raw.nonce(), newOrder),
                order("good.example.test"));
        String tampered = body.replace(RawAcme.b64(order("good.example.test")), RawAcme.b64(order("evil.example.test")));
        assertThat(tampered).isNotEqualTo(body);
        assertProblem(raw.post(newOrder, tampered), 400, "malformed");
    }

    @Test
    void keyRolloverToAKeyAnotherAccountUses() throws Exception {
        String url = acme.server.base() + "/acme/default/key-change";
        String inner = RawAcme.jws(bob, "{\"alg\":\"ES256\",\"jwk\":" + RawAcme.jwk(bob) + ",\"url\":\"" + url + "\"}",
                "{\"account\":\"" + aliceUrl + "\",\"oldKey\":" + RawAcme.jwk(alice) + "}");
        HttpResponse<String> response = raw.postAs(alice, aliceUrl, url, inner);
        assertProblem(response, 409, "malformed");
        assertThat(response.headers().firstValue("Location")).hasValue(bobUrl);
    }

    @Test
    void notAJws() throws Exception {
        assertProblem(raw.post(newOrder, "{\"hello\":1}"), 400, "malformed");
        assertProblem(raw.post(newOrder, "not json"), 400, "malformed");
    }

    @Test
    void profileNotOffered() throws Exception {
        assertProblem(raw.postAs(alice, aliceUrl, newOrder,
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"p.example.test\"}],\"profile\":\"smime\"}"),
                400, "invalidProfile");
    }

    @Test
    void identifiersThatAreNotDnsNames() throws Exception {
        HttpResponse<String> response = raw.postAs(alice, aliceUrl, newOrder,
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"ok.example.test\"},"
                        + "{\"type\":\"dns\",\"value\":\"bad_name..test\"}]}");
        assertProblem(response, 400, "rejectedIdentifier");
        JsonNode sub = JSON.readTree(response.body()).get("subproblems");
        assertThat(sub).hasSize(1);
        assertThat(sub.get(0).get("identifier").get("value").asString()).isEqualTo("bad_name..test");
        assertProblem(raw.postAs(alice, aliceUrl, newOrder,
                "{\"identifiers\":[{\"type\":\"ip\",\"value\":\"10.0.0.1\"}]}"), 400, "unsupportedIdentifier");
    }
}
