package org.lanyard.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * bench/issuance: N concurrent HTTPS clients post P-256 CSRs to {@code /api/v1/certificates}
 * and the rate and latency are measured; in the same run, the raw BouncyCastle P-256
 * {@code Signature.sign} rate with the same number of threads is the baseline (the CA signs
 * once per certificate, so issuance can at best reach it).
 *
 * <p>Usage: {@code IssuanceLoad BASE_URL TOKEN CA_CHAIN_PEM CLIENTS REQUESTS}
 */
public final class IssuanceLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        Path chain = Path.of(args[2]);
        int clients = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        BouncyCastleProvider bc = new BouncyCastleProvider();

        // CSRs are made before timing, so the clients' own key generation is not measured
        List<String> bodies = new ArrayList<>();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        for (int i = 0; i < requests; i++) {
            bodies.add(body(generator.generateKeyPair(), "load-" + i + ".bench.lanyard.test", bc));
        }
        HttpClient http = client(chain);
        // warm-up: JIT, connection set-up, first database pages
        for (int i = 0; i < Math.min(20, requests); i++) {
            send(http, base, token, body(generator.generateKeyPair(), "warm-" + i + ".bench.lanyard.test", bc));
        }

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long t0 = System.nanoTime();
                        int status = send(http, base, token, bodies.get(i));
                        latencies.add(System.nanoTime() - t0);
                        if (status != 201) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double certsPerSecond = requests / seconds;

        double signPerSecond = rawSignRate(clients, Math.max(2000, requests * 4), bc);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("issuance: %d certificates by %d clients in %.2f s, %d failures%n", requests, clients, seconds,
                failures.get());
        System.out.printf("raw BouncyCastle P-256 sign: %.0f signatures/s with %d threads%n", signPerSecond, clients);
        System.out.printf("RESULT issuance clients=%d requests=%d failures=%d certs_per_s=%.1f p50_ms=%.1f p99_ms=%.1f"
                + " bc_p256_sign_per_s=%.0f ratio_certs_to_raw_sign=%.4f%n", clients, requests, failures.get(),
                certsPerSecond, percentile(sorted, 50), percentile(sorted, 99), signPerSecond,
                certsPerSecond / signPerSecond);
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    static double rawSignRate(int threads, int total, BouncyCastleProvider bc) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        byte[] tbs = new byte[400]; // about the size of a to-be-signed leaf certificate
        new SecureRandom().nextBytes(tbs);
        for (int i = 0; i < 500; i++) { // warm-up
            sign(key, tbs, bc);
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    while (next.getAndIncrement() < total) {
                        sign(key, tbs, bc);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] sign(KeyPair key, byte[] data, BouncyCastleProvider bc) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA", bc);
        signature.initSign(key.getPrivate());
        signature.update(data);
        return signature.sign();
    }

    private static int send(HttpClient http, String base, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/certificates"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            System.err.println("unexpected " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    private static String body(KeyPair key, String name, BouncyCastleProvider bc) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), key.getPublic());
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(key.getPrivate()))
                .getEncoded();
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\\n" + Base64.getEncoder().encodeToString(der) + "\\n-----END CERTIFICATE REQUEST-----\\n";
        return "{\"profile\":\"tls-server\",\"csr\":\"" + pem + "\"}";
    }

    private static HttpClient client(Path chainPem) throws Exception {
        Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(chainPem)));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (var cert : certs) {
            trust.setCertificateEntry("ca" + i++, (X509Certificate) cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

}
