package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures that are not ACME failures of their own reach ACME clients through
 * {@link AcmeErrorMapping}: by kind, with the refusing rule named, and the same on the order later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeProblemsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    AcmeFixture acme;

    @BeforeAll
    void start() throws Exception {
        acme = AcmeFixture.start(null, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (acme != null) {
            acme.close();
        }
    }

    /** key-algorithm-allowed (BAD_KEY) at finalize is badCSR, as in v1, and the order keeps it. */
    @Test
    void aKeyTheProfileRefusesIsBadCsrAtFinalizeAndOnTheOrder() throws Exception {
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256())
                .create(new Session(acme.directory()));
        Order order = account.newOrder().domains("p521.example.test").create();
        for (Authorization auth : order.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            acme.http.tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        }
        assertThat(order.waitUntilReady(Duration.ofSeconds(20))).isEqualTo(Status.READY);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair p521 = generator.generateKeyPair();

        assertThatThrownBy(() -> order.execute(p521)).isInstanceOfSatisfying(AcmeServerException.class, e -> {
            assertThat(e.getType().toString()).isEqualTo("urn:ietf:params:acme:error:badCSR");
            assertThat(e.getProblem().getDetail().orElseThrow()).endsWith("(key-algorithm-allowed)");
        });
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.INVALID);
        assertThat(order.getError().orElseThrow().getType().toString()).isEqualTo("urn:ietf:params:acme:error:badCSR");
        assertThat(order.getError().orElseThrow().getDetail().orElseThrow()).endsWith("(key-algorithm-allowed)");
    }

    @Test
    void anUnknownEndpointIsMalformed404() throws Exception {
        assertProblem(acme.server.get("/acme/nowhere/new-nonce", null), 404, "malformed");
    }

    @Test
    void anUnknownCertificateIsMalformed404() throws Exception {
        assertProblem(acme.server.get("/acme/default/renewal-info/AAAA.AQ", null), 404, "malformed");
    }

    @Test
    void aBodyThatIsNotJoseIsMalformed415() throws Exception {
        assertProblem(acme.server.post("/acme/default/new-order", "{}", null), 415, "malformed");
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:ietf:params:acme:error:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.headers().firstValue("Replay-Nonce")).isPresent();
    }
}
