package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lanyard.keys.Pkcs11Token;
import org.lanyard.keys.SoftHsm;
import org.lanyard.app.Settings;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole server with its CA keys on a SoftHSM2 token, configured the way an operator would
 * (library path, slot, PIN): init makes the root and issuing keys on the token, the API issues a
 * certificate that verifies against the chain, and the token reports the CA keys as sensitive and
 * never extractable.
 */
class Pkcs11ServerTest {

    @Test
    void caKeysOnTheTokenSignCertificatesThatVerify() throws Exception {
        long slot = SoftHsm.slot("lanyard-test");
        Settings settings = new Settings(TestServer.tempDir(), "", "", "", null,
                Pkcs11Token.SOFTHSM2_LIBRARY.toString(), 0, slot, SoftHsm.TOKENS.get("lanyard-test").toCharArray(),
                "127.0.0.1", 0, "test-node", "", false);
        try (TestServer server = TestServer.start(settings)) {
            assertThat(server.lanyard.vault().kind()).isEqualTo("pkcs11");
            var key = Csrs.ec("secp256r1");
            HttpResponse<String> response = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                    "tls-server", "csr", Csrs.pem(key, "hsm.example.test", "hsm.example.test"))), server.ownerToken);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            X509Certificate cert = TestServer.certificate(
                    new ObjectMapper().readTree(response.body()).get("certificate").asString());

            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert, server.chain.get(0)));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(server.chain.get(1), null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, params);

            String objects = SoftHsm.pkcs11Tool("--slot", Long.toString(slot), "--login", "--pin",
                    SoftHsm.TOKENS.get("lanyard-test"), "--list-objects", "--type", "privkey");
            long privateKeys = objects.lines().filter(l -> l.startsWith("Private Key Object")).count();
            long neverExtractable = objects.lines().filter(l -> l.contains("never extractable")).count();
            assertThat(privateKeys).as(objects).isGreaterThanOrEqualTo(2); // root and issuing CA
            assertThat(neverExtractable).as(objects).isEqualTo(privateKeys);
        }
    }
}
