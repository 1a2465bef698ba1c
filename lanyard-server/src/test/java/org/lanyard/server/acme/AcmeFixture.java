package org.lanyard.server.acme;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.lanyard.app.acme.AcmeSettings;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.server.TestServer;
import org.lanyard.app.Settings;

/**
 * A real Lanyard (HTTPS on a free port, H2 or PostgreSQL) whose ACME validation talks to a
 * {@link TestDns} and a {@link ChallengeServer} on loopback. Makes the JVM trust the server's CA,
 * so acme4j's HTTP client connects without extra setup.
 */
public final class AcmeFixture implements AutoCloseable {

    public final TestDns dns;
    public final ChallengeServer http;
    public final TestServer server;
    /** The port tls-alpn-01 validation connects to; a test listens there when it needs to. */
    public final int tlsAlpnPort;

    private AcmeFixture(TestDns dns, ChallengeServer http, TestServer server, int tlsAlpnPort) {
        this.dns = dns;
        this.http = http;
        this.server = server;
        this.tlsAlpnPort = tlsAlpnPort;
    }

    public static AcmeFixture start(String pgUrl, Map<String, String> env) throws Exception {
        TestDns dns = new TestDns();
        ChallengeServer http = new ChallengeServer();
        java.util.HashMap<String, String> all = new java.util.HashMap<>(env);
        all.put("LANYARD_ACME_DNS_RESOLVER", "127.0.0.1:" + dns.address().getPort());
        all.put("LANYARD_ACME_HTTP01_PORT", Integer.toString(http.port()));
        int tlsAlpnPort;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            tlsAlpnPort = probe.getLocalPort();
        }
        all.put("LANYARD_ACME_TLSALPN01_PORT", Integer.toString(tlsAlpnPort));
        all.putIfAbsent("LANYARD_ACME_CAA_IDENTITIES", "lanyard.test");
        AcmeSettings settings = AcmeSettings.fromEnvironment(all, true, "https://127.0.0.1:1");
        var dir = Files.createTempDirectory("lanyard-acme-test");
        String dbUrl = pgUrl == null ? "" : org.lanyard.server.TestServerAccess.freshPostgresDatabase(pgUrl);
        String user = pgUrl == null ? "" : System.getenv().getOrDefault("LANYARD_TEST_PG_USER", "");
        String password = pgUrl == null ? "" : System.getenv().getOrDefault("LANYARD_TEST_PG_PASSWORD", "");
        TestServer server = TestServer.start(new Settings(dir, dbUrl, user, password,
                "test-keystore-password".toCharArray(), "", 0, null, null, "127.0.0.1", 0, "test-node", "", true),
                settings);
        trust(server);
        return new AcmeFixture(dns, http, server, tlsAlpnPort);
    }

    public String directory() {
        return server.base() + "/acme/directory";
    }

    public String directory(String endpoint) {
        return endpoint.equals(AcmeEndpoint.DEFAULT) ? directory() : server.base() + "/acme/" + endpoint + "/directory";
    }

    private static void trust(TestServer server) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<java.security.cert.X509Certificate> chain = server.chain;
        trust.setCertificateEntry("root", chain.get(chain.size() - 1));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        SSLContext.setDefault(ssl);
    }

    public static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Override
    public void close() throws Exception {
        server.close();
        http.close();
        dns.close();
    }
}
