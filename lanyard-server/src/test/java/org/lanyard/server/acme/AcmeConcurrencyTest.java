package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * 16 clients share one account and run their orders at the same time (step-ca's per-account
 * order list raced and answered 500 here): every order completes, none is lost from the
 * account's order list, and no request fails.
 */
class AcmeConcurrencyTest {

    static final int CLIENTS = 16;
    static final int ORDERS_EACH = 3;
    AcmeFixture acme;

    String postgresUrl() {
        return null;
    }

    @AfterEach
    void stop() throws Exception {
        if (acme != null) {
            acme.close();
        }
    }

    @Test
    void sixteenClientsOnOneAccountLoseNothing() throws Exception {
        acme = AcmeFixture.start(postgresUrl(), Map.of());
        KeyPair key = AcmeFixture.p256();
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(key)
                .create(new Session(acme.directory()));
        URL accountUrl = account.getLocation();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<URL>>> results = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                Login login = new Session(acme.directory()).login(accountUrl, key);
                List<URL> mine = new ArrayList<>();
                for (int i = 0; i < ORDERS_EACH; i++) {
                    try {
                        mine.add(order(login, "c" + client + "-o" + i + ".concurrent.test"));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
                return mine;
            }));
        }
        Set<URL> placed = new HashSet<>();
        for (Future<List<URL>> f : results) {
            placed.addAll(f.get());
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(placed).hasSize(CLIENTS * ORDERS_EACH);
        Set<URL> listed = new HashSet<>();
        account.getOrders().forEachRemaining(o -> listed.add(o.getLocation()));
        assertThat(listed).containsAll(placed);
    }

    private URL order(Login login, String name) throws Exception {
        Order order = login.getAccount().newOrder().domain(name).create();
        for (Authorization auth : order.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            acme.http.tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            if (auth.waitForCompletion(Duration.ofSeconds(30)) != Status.VALID) {
                throw new IllegalStateException(name + " authorization " + auth.getStatus());
            }
        }
        order.execute(AcmeFixture.p256());
        if (order.waitForCompletion(Duration.ofSeconds(30)) != Status.VALID) {
            throw new IllegalStateException(name + " order " + order.getStatus());
        }
        order.getCertificate().download();
        return order.getLocation();
    }
}
