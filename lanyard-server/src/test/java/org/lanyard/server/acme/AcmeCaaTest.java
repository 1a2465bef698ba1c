package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
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

/**
 * CAA (RFC 8659) with a DNS server the test runs: each name is judged by its own records, never
 * by another name's, and each check looks each name up exactly once. The server re-checks at
 * finalize (window PT0S here, so always).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeCaaTest {

    AcmeFixture acme;
    Account account;

    @BeforeAll
    void start() throws Exception {
        acme = AcmeFixture.start(null, Map.of("LANYARD_ACME_CAA_RECHECK_AFTER", "PT0S"));
        account = new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256())
                .create(new Session(acme.directory()));
    }

    @AfterAll
    void stop() throws Exception {
        acme.close();
    }

    Order validated(List<String> names, Status expected) throws Exception {
        Order order = account.newOrder().domains(names).create();
        for (Authorization auth : order.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            acme.http.tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            auth.waitForCompletion(Duration.ofSeconds(20));
        }
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(expected);
        return order;
    }

    @Test
    void onlyTheThirdNameForbidsSoTheOrderIsRefusedWithCaaAtValidation() throws Exception {
        acme.dns.addCaa("one.first.test", "issue", "lanyard.test");
        acme.dns.addCaa("two.second.test", "issue", "lanyard.test; account=1");
        acme.dns.addCaa("three.third.test", "issue", "other-ca.example");
        acme.dns.resetCounts();
        Order order = validated(List.of("one.first.test", "two.second.test", "three.third.test"), Status.INVALID);
        List<Authorization> auths = order.getAuthorizations();
        assertThat(auths).extracting(Authorization::getStatus)
                .containsExactly(Status.VALID, Status.VALID, Status.INVALID);
        Http01Challenge failed = auths.get(2).findChallenge(Http01Challenge.class).orElseThrow();
        assertThat(failed.getError().orElseThrow().getType().toString()).isEqualTo("urn:ietf:params:acme:error:caa");
        for (String name : List.of("one.first.test", "two.second.test", "three.third.test")) {
            assertThat(acme.dns.count(name, "CAA")).as(name).isEqualTo(1);
        }
    }

    @Test
    void finalizeRechecksEachNameOnceAndRefusesTheThird() throws Exception {
        List<String> names = List.of("a.recheck-one.test", "b.recheck-two.test", "c.recheck-three.test");
        acme.dns.addCaa("recheck-one.test", "issue", "lanyard.test");
        Order order = validated(names, Status.READY);
        // after validation the third name's domain starts to forbid this CA
        acme.dns.addCaa("c.recheck-three.test", "issue", "other-ca.example");
        acme.dns.resetCounts();
        assertThatThrownBy(() -> order.execute(AcmeFixture.p256()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo("urn:ietf:params:acme:error:caa");
                    assertThat(e.getProblem().getSubProblems()).hasSize(1);
                    assertThat(e.getProblem().getSubProblems().get(0).getIdentifier().orElseThrow().getDomain())
                            .isEqualTo("c.recheck-three.test");
                });
        for (String name : names) {
            assertThat(acme.dns.count(name, "CAA")).as(name).isEqualTo(1);
        }
        // the first name has no records of its own: its parent's record, and only that, is used
        assertThat(acme.dns.count("recheck-one.test", "CAA")).isEqualTo(1);
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.READY);
    }

    @Test
    void issuewildGovernsWildcards() throws Exception {
        acme.dns.addCaa("wildcaa.test", "issue", "lanyard.test");
        acme.dns.addCaa("wildcaa.test", "issuewild", ";");
        Order order = account.newOrder().domains("*.wildcaa.test").create();
        Authorization auth = order.getAuthorizations().get(0);
        var challenge = auth.findChallenge(org.shredzone.acme4j.challenge.Dns01Challenge.class).orElseThrow();
        acme.dns.setTxt("_acme-challenge.wildcaa.test", challenge.getDigest());
        challenge.trigger();
        assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.INVALID);
        challenge.fetch();
        assertThat(challenge.getError().orElseThrow().getType().toString()).isEqualTo("urn:ietf:params:acme:error:caa");
    }
}
