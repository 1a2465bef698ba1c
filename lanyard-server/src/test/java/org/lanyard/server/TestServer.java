package org.lanyard.server;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.setup.InitializeSystem;
import org.lanyard.app.Lanyard;
import org.lanyard.app.PublicationSettings;
import org.lanyard.server.boot.ServerTls;
import org.lanyard.app.Settings;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Lanyard server for tests: fresh data directory, PKCS#12 key vault, a new database (H2
 * file, or a fresh PostgreSQL database when {@code pgUrl} is given), HTTPS on a free loopback
 * port, and an HTTP client that trusts only the server's own CA.
 */
public final class TestServer implements AutoCloseable {

    public final Lanyard lanyard;
    public final String ownerToken;
    public final List<X509Certificate> chain;
    private final ConfigurableApplicationContext context;
    private final HttpClient client;
    private final String base;
    /** The plain-HTTP publication listener (CRL, OCSP, CA certificates). */
    public final String httpBase;

    private TestServer(Lanyard lanyard, String ownerToken, List<X509Certificate> chain,
            ConfigurableApplicationContext context, HttpClient client, String base, String httpBase) {
        this.httpBase = httpBase;
        this.lanyard = lanyard;
        this.ownerToken = ownerToken;
        this.chain = chain;
        this.context = context;
        this.client = client;
        this.base = base;
    }

    /** Starts on H2 when {@code pgUrl} is null, else on a new database of that PostgreSQL server. */
    public static TestServer start(Path dir, String pgUrl) throws Exception {
        String dbUrl = pgUrl == null ? "" : freshPostgresDatabase(pgUrl);
        String user = pgUrl == null ? "" : env("LANYARD_TEST_PG_USER");
        String password = pgUrl == null ? "" : env("LANYARD_TEST_PG_PASSWORD");
        return start(new Settings(dir, dbUrl, user, password, "test-keystore-password".toCharArray(), "", 0, null,
                null, "127.0.0.1", 0, "test-node", "", false));
    }

    /** Initialises a fresh system with {@code settings} and starts it on a free loopback port. */
    public static TestServer start(Settings settings) throws Exception {
        return start(settings, null);
    }

    /** As {@link #start(Settings)}, with ACME configured by {@code acme} (null: from the environment). */
    public static TestServer start(Settings settings, org.lanyard.app.acme.AcmeSettings acme) throws Exception {
        int httpPort = freePort();
        Lanyard lanyard = Lanyard.open(settings, PublicationSettings.fromEnvironment(Map.of()).withHttpPort(httpPort),
                Clock.systemUTC(), acme);
        InitializeSystem.Result init = lanyard.initializeSystem().initialize(
                CreateCertificateAuthority.Spec.defaults("test", "Test", KeyAlgorithm.EC_P256));
        ServerTls tls = ServerTls.prepare(lanyard);
        ConfigurableApplicationContext context = LanyardServer.start(lanyard, tls);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        List<X509Certificate> chain = init.issuer().chain();
        return new TestServer(lanyard, init.ownerToken(), chain, context, client(chain.get(chain.size() - 1)),
                "https://127.0.0.1:" + port, "http://127.0.0.1:" + httpPort);
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A request with a byte body to any URL (plain HTTP or this server's HTTPS). */
    public HttpResponse<byte[]> exchange(String method, String url, byte[] body, String contentType, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public String base() {
        return base;
    }

    /** Creates a database named after a random UUID and returns its URL (same server and user). */
    static String freshPostgresDatabase(String pgUrl) throws Exception {
        String name = "lanyard_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(pgUrl, env("LANYARD_TEST_PG_USER"),
                env("LANYARD_TEST_PG_PASSWORD"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        int slash = pgUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = pgUrl.indexOf('?');
        return pgUrl.substring(0, slash + 1) + name + (query >= 0 ? pgUrl.substring(query) : "");
    }

    private static HttpClient client(X509Certificate root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    public HttpResponse<String> call(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return call("GET", path, null, token);
    }

    public HttpResponse<String> post(String path, String json, String token) throws Exception {
        return call("POST", path, json, token);
    }

    public static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    public static String json(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(k).append("\":").append(v instanceof String s ? quote(s) : String.valueOf(v));
        });
        return out.append('}').toString();
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }

    /** The HTTP client that trusts the server's CA. */
    public HttpClient client() {
        return client;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String chainPem() {
        return Pem.certificates(chain);
    }

    @Override
    public void close() throws Exception {
        context.close();
        lanyard.close();
    }

    static Path tempDir() throws Exception {
        Path dir = Files.createTempDirectory("lanyard-test");
        dir.toFile().deleteOnExit();
        return dir;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
