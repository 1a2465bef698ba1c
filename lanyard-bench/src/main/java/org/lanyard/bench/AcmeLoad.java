package org.lanyard.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * bench/acme-load: runs complete ACME orders against any directory URL — new-order, http-01
 * (served by this tool on loopback) until the authorization is valid, finalize until the order
 * is valid, certificate download — with C concurrent clients sharing one account, and prints
 * orders/s and p50/p99 per step. Usage:
 * {@code AcmeLoad <label> <directory-url> <http01-port> <orders> <concurrency>}. The server's TLS
 * certificate is not checked (loopback load generator; pass
 * {@code -Djdk.internal.httpclient.disableHostnameVerification=true}).
 */
public final class AcmeLoad {

    static final List<String> STEPS = List.of("new-order", "validate", "finalize", "download", "total");

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String directory = args[1];
        int httpPort = Integer.parseInt(args[2]);
        int orders = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        trustAll();

        Map<String, String> tokens = new ConcurrentHashMap<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 256);
        http.createContext("/.well-known/acme-challenge/", exchange -> {
            String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
            byte[] body = tokens.getOrDefault(token, "").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.start();

        KeyPair accountKey = p256();
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey)
                .create(new Session(directory));
        URL accountUrl = account.getLocation();

        Map<String, List<Long>> times = new LinkedHashMap<>();
        STEPS.forEach(s -> times.put(s, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                Login login = new Session(directory).login(accountUrl, accountKey);
                int n;
                while ((n = next.getAndIncrement()) < orders) {
                    try {
                        one(login, "o" + n + "-" + run + ".bench.test", tokens, times);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        http.stop(0);
        double rate = done.get() / seconds;
        StringBuilder line = new StringBuilder(String.format("%s: %d/%d orders in %.1f s, %.2f orders/s, concurrency %d;",
                label, done.get(), orders, seconds, rate, concurrency));
        for (String step : STEPS) {
            line.append(String.format(" %s p50 %d ms p99 %d ms;", step, percentile(times.get(step), 50),
                    percentile(times.get(step), 99)));
        }
        System.out.println(line);
        if (!failures.isEmpty()) {
            System.out.println(label + ": " + failures.size() + " failed orders, first: " + failures.get(0));
        }
        System.out.printf("RATE %s %.3f %d%n", label, rate, failures.size());
        System.out.flush();
        System.exit(0); // the challenge server's pool threads would keep the JVM alive
    }

    private static void one(Login login, String name, Map<String, String> tokens, Map<String, List<Long>> times)
            throws Exception {
        long t0 = System.nanoTime();
        Order order = login.getAccount().newOrder().domain(name).create();
        long t1 = System.nanoTime();
        for (Authorization auth : order.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            if (auth.waitForCompletion(Duration.ofSeconds(60)) != Status.VALID) {
                throw new IllegalStateException("authorization " + auth.getStatus() + " for " + name);
            }
        }
        order.waitUntilReady(Duration.ofSeconds(60));
        long t2 = System.nanoTime();
        order.execute(p256());
        if (order.waitForCompletion(Duration.ofSeconds(60)) != Status.VALID) {
            throw new IllegalStateException("order " + order.getStatus() + " for " + name);
        }
        long t3 = System.nanoTime();
        order.getCertificate().download();
        X509Certificate certificate = order.getCertificate().getCertificate();
        if (certificate == null) {
            throw new IllegalStateException("no certificate for " + name);
        }
        long t4 = System.nanoTime();
        times.get("new-order").add((t1 - t0) / 1_000_000);
        times.get("validate").add((t2 - t1) / 1_000_000);
        times.get("finalize").add((t3 - t2) / 1_000_000);
        times.get("download").add((t4 - t3) / 1_000_000);
        times.get("total").add((t4 - t0) / 1_000_000);
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLContext.setDefault(context);
    }
}
