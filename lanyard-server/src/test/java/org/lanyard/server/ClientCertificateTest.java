package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Operators sign in with a client certificate over mutual TLS: a certificate Lanyard issued and
 * bound to the operator works; the same certificate stops working the moment it is put on hold
 * or revoked, and works again after a hold is lifted.
 */
class ClientCertificateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boundClientCertificateSignsInUntilItIsRevoked() throws Exception {
        try (TestServer server = TestServer.start(TestServer.tempDir(), null)) {
            KeyPair key = Csrs.ec("secp256r1");
            HttpResponse<String> issued = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                    "tls-client", "csr", Csrs.pem(key, "henry"))), server.ownerToken);
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(issued.body());
            String serial = body.get("serial").asString();
            X509Certificate cert = TestServer.certificate(body.get("certificate").asString());

            HttpResponse<String> henry = server.post("/api/v1/operators", "{\"name\":\"henry\",\"roles\":[\"normal\"]}",
                    server.ownerToken);
            String henryId = JSON.readTree(henry.body()).get("id").asString();
            HttpResponse<String> bound = server.post("/api/v1/operators/" + henryId + "/certificates",
                    TestServer.json(Map.of("certificate", body.get("certificate").asString())), server.ownerToken);
            assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);

            HttpClient mtls = clientWith(server, key, cert);
            assertThat(me(server, mtls).body()).contains("\"name\":\"henry\"");

            assertThat(server.post("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"certificateHold\"}",
                    server.ownerToken).statusCode()).isEqualTo(200);
            HttpResponse<String> held = me(server, mtls);
            assertThat(held.statusCode()).isEqualTo(401);
            assertThat(held.body()).contains("certificate-revoked");

            assertThat(server.post("/api/v1/certificates/" + serial + "/resume", null, server.ownerToken).statusCode())
                    .isEqualTo(200);
            assertThat(me(server, mtls).statusCode()).isEqualTo(200);

            assertThat(server.post("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"keyCompromise\"}",
                    server.ownerToken).statusCode()).isEqualTo(200);
            assertThat(me(server, mtls).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> me(TestServer server, HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/operators/me")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh client (no TLS session to resume) presenting {@code cert} and trusting the server's root. */
    private static HttpClient clientWith(TestServer server, KeyPair key, X509Certificate cert) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", key.getPrivate(), "pw".toCharArray(),
                new X509Certificate[] {cert, server.chain.get(0)});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", server.chain.get(server.chain.size() - 1));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
