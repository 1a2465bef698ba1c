package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every ACME endpoint with a real client (acme4j 4.0.0) against a real server: directory and
 * metadata, accounts (create, find, update, key rollover, deactivate), orders with http-01,
 * dns-01 (wildcard) and tls-alpn-01, authorization deactivation, finalize and download, revocation, ARI
 * and {@code replaces}, profiles, and External Account Binding on a second endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    AcmeFixture acme;

    String postgresUrl() {
        return null;
    }

    @BeforeAll
    void start() throws Exception {
        acme = AcmeFixture.start(postgresUrl(), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (acme != null) { // null when start() was skipped (PostgreSQL suite without a database)
            acme.close();
        }
    }

    Account newAccount(KeyPair key) throws Exception {
        return new AccountBuilder().addEmail("ops@example.test").agreeToTermsOfService().useKeyPair(key)
                .create(new Session(acme.directory()));
    }

    /** Runs one order to a certificate with http-01 served by the test's challenge server. */
    Certificate issueWithHttp01(Account account, String profile, String... names) throws Exception {
        return issueWithKey(account, AcmeFixture.p256(), profile, names);
    }

    Certificate issueWithKey(Account account, KeyPair domainKey, String profile, String... names) throws Exception {
        var builder = account.newOrder().domains(names);
        if (profile != null) {
            builder.profile(profile);
        }
        Order order = builder.create();
        for (Authorization auth : order.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            acme.http.tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        }
        assertThat(order.waitUntilReady(Duration.ofSeconds(20))).isEqualTo(Status.READY);
        order.execute(domainKey);
        assertThat(order.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        Certificate certificate = order.getCertificate();
        certificate.download();
        return certificate;
    }

    void assertChainsToServerRoot(Certificate certificate) throws Exception {
        List<X509Certificate> chain = certificate.getCertificateChain();
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(
                acme.server.chain.get(acme.server.chain.size() - 1), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    @Test
    void directoryAdvertisesEveryResourceAndMeta() throws Exception {
        HttpResponse<String> response = acme.server.get("/acme/directory", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode directory = JSON.readTree(response.body());
        for (String resource : List.of("newNonce", "newAccount", "newOrder", "revokeCert", "keyChange", "renewalInfo")) {
            assertThat(directory.get(resource).asString()).startsWith(acme.server.base() + "/acme/default/");
        }
        Session session = new Session(acme.directory());
        assertThat(session.getMetadata().isExternalAccountRequired()).isFalse();
        assertThat(session.getMetadata().getCaaIdentities()).containsExactly("lanyard.test");
        assertThat(session.getMetadata().getProfiles()).contains("tls-server", "tls-client");
    }

    @Test
    void newNonceAnswersHeadAndGet() throws Exception {
        HttpResponse<String> head = acme.server.call("HEAD", "/acme/default/new-nonce", null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Replay-Nonce")).isPresent();
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(acme.server.get("/acme/default/new-nonce", null).statusCode()).isEqualTo(204);
    }

    @Test
    void accountIsCreatedFoundUpdatedAndDeactivated() throws Exception {
        KeyPair key = AcmeFixture.p256();
        Account created = newAccount(key);
        assertThat(created.getStatus()).isEqualTo(Status.VALID);
        Account found = new AccountBuilder().onlyExisting().useKeyPair(key).create(new Session(acme.directory()));
        assertThat(found.getLocation()).isEqualTo(created.getLocation());
        assertThatThrownBy(() -> new AccountBuilder().onlyExisting().useKeyPair(AcmeFixture.p256())
                .create(new Session(acme.directory())))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:accountDoesNotExist"));

        created.modify().addContact("mailto:second@example.test").commit();
        created.fetch();
        assertThat(created.getContacts()).extracting(URI::toString)
                .containsExactly("mailto:ops@example.test", "mailto:second@example.test");

        created.deactivate();
        assertThat(created.getStatus()).isEqualTo(Status.DEACTIVATED);
        assertThatThrownBy(() -> created.newOrder().domain("after.example.test").create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:unauthorized"));
    }

    @Test
    void keyRolloverMovesTheAccountToTheNewKey() throws Exception {
        KeyPair oldKey = AcmeFixture.p256();
        Account account = newAccount(oldKey);
        KeyPair newKey = AcmeFixture.p256();
        account.changeKey(newKey);
        Login login = new Session(acme.directory()).login(account.getLocation(), newKey);
        assertThat(issueWithHttp01(login.getAccount(), null, "rolled.example.test").getCertificate()).isNotNull();
        assertThatThrownBy(() -> new AccountBuilder().onlyExisting().useKeyPair(oldKey)
                .create(new Session(acme.directory()))).isInstanceOf(AcmeServerException.class);
        // a key another account already uses is refused
        KeyPair taken = AcmeFixture.p256();
        newAccount(taken);
        assertThatThrownBy(() -> login.getAccount().changeKey(taken)).isInstanceOf(AcmeServerException.class);
    }

    @Test
    void http01OrderIssuesACertificateThatVerifies() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Certificate certificate = issueWithHttp01(account, null, "www.example.test", "example.test");
        X509Certificate leaf = certificate.getCertificate();
        assertThat(leaf.getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
                .containsExactlyInAnyOrder((Object) "www.example.test", "example.test");
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertChainsToServerRoot(certificate);
        // the store has it, issued through the common pipeline and audited
        assertThat(acme.server.lanyard.certificates().find(leaf.getSerialNumber())).isPresent();
    }

    @Test
    void wildcardIsValidatedWithDns01Only() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Order order = account.newOrder().domains("*.wild.example.test").create();
        Authorization auth = order.getAuthorizations().get(0);
        assertThat(auth.isWildcard()).isTrue();
        assertThat(auth.getChallenges()).extracting(c -> c.getType()).containsExactly("dns-01");
        Dns01Challenge challenge = auth.findChallenge(Dns01Challenge.class).orElseThrow();
        acme.dns.setTxt("_acme-challenge.wild.example.test", challenge.getDigest());
        challenge.trigger();
        assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        order.execute(AcmeFixture.p256());
        assertThat(order.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        order.getCertificate().download();
        assertThat(order.getCertificate().getCertificate().getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
                .containsExactly((Object) "*.wild.example.test");
    }

    @Test
    void wrongDns01AnswerMakesTheOrderInvalid() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Order order = account.newOrder().domains("wrong.example.test").create();
        Authorization auth = order.getAuthorizations().get(0);
        Dns01Challenge challenge = auth.findChallenge(Dns01Challenge.class).orElseThrow();
        acme.dns.setTxt("_acme-challenge.wrong.example.test", "not-the-digest");
        challenge.trigger();
        assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.INVALID);
        challenge.fetch();
        assertThat(challenge.getError().orElseThrow().getType().toString())
                .isEqualTo("urn:ietf:params:acme:error:incorrectResponse");
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.INVALID);
        assertThatThrownBy(() -> order.execute(AcmeFixture.p256()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:orderNotReady"));
    }

    @Test
    void tlsAlpn01IsValidatedByHandshake() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Order order = account.newOrder().domains("alpn.example.test").create();
        Authorization auth = order.getAuthorizations().get(0);
        TlsAlpn01Challenge challenge = auth.findChallenge(TlsAlpn01Challenge.class).orElseThrow();
        var rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair key = rsa.generateKeyPair();
        X509Certificate cert = challenge.createCertificate(key, Identifier.dns("alpn.example.test"));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("alpn", key.getPrivate(), "x".toCharArray(), new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(store, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(acme.tlsAlpnPort, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread serve = new Thread(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setHandshakeApplicationProtocolSelector((s, protocols) ->
                            protocols.contains("acme-tls/1") ? "acme-tls/1" : null);
                    socket.startHandshake();
                    socket.getInputStream().read();
                } catch (Exception ignored) {
                    // the validator closes the connection after the handshake
                }
            });
            serve.start();
            challenge.trigger();
            assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
            serve.join(5000);
        }
    }

    @Test
    void authorizationCanBeDeactivated() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Order order = account.newOrder().domains("giveup.example.test").create();
        Authorization auth = order.getAuthorizations().get(0);
        auth.deactivate();
        assertThat(auth.getStatus()).isEqualTo(Status.DEACTIVATED);
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.INVALID);
    }

    @Test
    void profilesSelectTheLanyardProfile() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Certificate client = issueWithHttp01(account, "tls-client", "device.example.test");
        assertThat(client.getCertificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        // acme4j refuses unadvertised profiles itself; AcmeJwsAbuseTest sends one to the server
        assertThat(new Session(acme.directory()).getMetadata().isProfileAllowed("smime")).isFalse();
    }

    @Test
    void renewalInfoSuggestsAWindowAndReplacesIsAccepted() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Certificate first = issueWithHttp01(account, null, "renew.example.test");
        assertThat(first.hasRenewalInfo()).isTrue();
        var info = first.getRenewalInfo();
        info.fetch();
        X509Certificate leaf = first.getCertificate();
        assertThat(info.getSuggestedWindowStart()).isAfter(leaf.getNotBefore().toInstant())
                .isBefore(leaf.getNotAfter().toInstant());
        assertThat(info.getSuggestedWindowEnd()).isAfter(info.getSuggestedWindowStart());
        Order renewal = account.newOrder().domain("renew.example.test").replaces(first).create();
        assertThat(renewal.getJSON().get("replaces").optional()).isPresent();
        // unknown certificate identifiers are refused
        assertThat(acme.server.get("/acme/default/renewal-info/AAAA.AQ", null).statusCode()).isEqualTo(404);
    }

    @Test
    void revokeByAccountKeyShowsInApiAndOcsp() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        Certificate certificate = issueWithHttp01(account, null, "revoke.example.test");
        X509Certificate leaf = certificate.getCertificate();
        assertThat(AcmeRevocationCheck.ocsp(acme.server, certificate.getCertificateChain()))
                .isNull(); // good
        certificate.revoke(org.shredzone.acme4j.RevocationReason.KEY_COMPROMISE);
        JsonNode view = JSON.readTree(acme.server.get("/api/v1/certificates/"
                + leaf.getSerialNumber().toString(16), acme.server.ownerToken).body());
        assertThat(view.get("status").asString()).isEqualTo("revoked");
        assertThat(view.get("revocationReason").asString()).isEqualTo("keyCompromise");
        assertThat(AcmeRevocationCheck.ocsp(acme.server, certificate.getCertificateChain()))
                .isEqualTo(1); // revoked, keyCompromise
        // a second revocation is refused
        assertThatThrownBy(certificate::revoke).isInstanceOfSatisfying(AcmeServerException.class,
                e -> assertThat(e.getType().toString()).isEqualTo("urn:ietf:params:acme:error:alreadyRevoked"));
    }

    @Test
    void revokeByCertificateKey() throws Exception {
        Account account = newAccount(AcmeFixture.p256());
        KeyPair domainKey = AcmeFixture.p256();
        Certificate certificate = issueWithKey(account, domainKey, null, "keyrevoke.example.test");
        X509Certificate leaf = certificate.getCertificate();
        Session session = new Session(acme.directory());
        // another key is refused
        assertThatThrownBy(() -> Certificate.revoke(session, AcmeFixture.p256(), leaf, null))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:unauthorized"));
        // a look-alike with the same serial, signed by the requester's own key, is not that certificate
        KeyPair forger = AcmeFixture.p256();
        X509Certificate forged = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(leaf.getSubjectX500Principal(),
                        leaf.getSerialNumber(), leaf.getNotBefore(), leaf.getNotAfter(), leaf.getSubjectX500Principal(),
                        forger.getPublic()).build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(
                        "SHA256withECDSA").build(forger.getPrivate())));
        assertThatThrownBy(() -> Certificate.revoke(session, forger, forged, null))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:malformed"));
        Certificate.revoke(session, domainKey, leaf, org.shredzone.acme4j.RevocationReason.SUPERSEDED);
        JsonNode view = JSON.readTree(acme.server.get("/api/v1/certificates/"
                + leaf.getSerialNumber().toString(16), acme.server.ownerToken).body());
        assertThat(view.get("status").asString()).isEqualTo("revoked");
        assertThat(view.get("revocationReason").asString()).isEqualTo("superseded");
        assertThatThrownBy(() -> Certificate.revoke(session, domainKey, leaf, null))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:alreadyRevoked"));
    }

    @Test
    void anotherAccountsCertificateAndBadReasonsAreRefused() throws Exception {
        Account owner = newAccount(AcmeFixture.p256());
        Certificate certificate = issueWithHttp01(owner, null, "notyours.example.test");
        KeyPair otherKey = AcmeFixture.p256();
        Account other = newAccount(otherKey);
        Login login = new Session(acme.directory()).login(other.getLocation(), otherKey);
        assertThatThrownBy(() -> Certificate.revoke(login, certificate.getCertificate(), null))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:unauthorized"));
        for (var reason : List.of(org.shredzone.acme4j.RevocationReason.CERTIFICATE_HOLD,
                org.shredzone.acme4j.RevocationReason.REMOVE_FROM_CRL)) {
            assertThatThrownBy(() -> certificate.revoke(reason))
                    .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                            .isEqualTo("urn:ietf:params:acme:error:badRevocationReason"));
        }
        JsonNode view = JSON.readTree(acme.server.get("/api/v1/certificates/"
                + certificate.getCertificate().getSerialNumber().toString(16), acme.server.ownerToken).body());
        assertThat(view.get("status").asString()).isEqualTo("valid");
        // an account that proves control of every name may revoke (RFC 8555 §7.6), not of only some
        Order proof = other.newOrder().domains("notyours.example.test").create();
        for (Authorization auth : proof.getAuthorizations()) {
            Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow();
            acme.http.tokens.put(challenge.getToken(), challenge.getAuthorization());
            challenge.trigger();
            assertThat(auth.waitForCompletion(Duration.ofSeconds(20))).isEqualTo(Status.VALID);
        }
        Certificate second = issueWithHttp01(owner, null, "notyours.example.test", "also.example.test");
        assertThatThrownBy(() -> Certificate.revoke(login, second.getCertificate(), null))
                .isInstanceOf(AcmeServerException.class); // also.example.test is not proven
        Certificate.revoke(login, certificate.getCertificate(), org.shredzone.acme4j.RevocationReason.CESSATION_OF_OPERATION);
        JsonNode proven = JSON.readTree(acme.server.get("/api/v1/certificates/"
                + certificate.getCertificate().getSerialNumber().toString(16), acme.server.ownerToken).body());
        assertThat(proven.get("status").asString()).isEqualTo("revoked");
    }

    @Test
    void externalAccountBindingOnASecondEndpoint() throws Exception {
        String token = acme.server.ownerToken;
        HttpResponse<String> put = acme.server.call("PUT", "/api/v1/acme/endpoints/corp",
                "{\"profiles\":[\"tls-server\"],\"externalAccountRequired\":true}", token);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Session corp = new Session(acme.directory("corp"));
        assertThat(corp.getMetadata().isExternalAccountRequired()).isTrue();
        assertThatThrownBy(() -> new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256()).create(corp))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:externalAccountRequired"));

        HttpResponse<String> made = acme.server.post("/api/v1/acme/eab-keys",
                "{\"endpoint\":\"corp\",\"dnsNames\":[\"*.corp.example.test\"]}", token);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode eab = JSON.readTree(made.body());
        String kid = eab.get("keyId").asString();
        String hmac = eab.get("hmacKey").asString();
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256())
                .withKeyIdentifier(kid, hmac).create(new Session(acme.directory("corp")));
        assertThat(account.getStatus()).isEqualTo(Status.VALID);
        // the key binds one account only
        assertThatThrownBy(() -> new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256())
                .withKeyIdentifier(kid, hmac).create(new Session(acme.directory("corp"))))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:unauthorized"));
        // a wrong MAC key is refused
        HttpResponse<String> other = acme.server.post("/api/v1/acme/eab-keys", "{\"endpoint\":\"corp\"}", token);
        String otherKid = JSON.readTree(other.body()).get("keyId").asString();
        assertThatThrownBy(() -> new AccountBuilder().agreeToTermsOfService().useKeyPair(AcmeFixture.p256())
                .withKeyIdentifier(otherKid, hmac).create(new Session(acme.directory("corp"))))
                .isInstanceOf(AcmeServerException.class);
        // the EAB key's names bind the account
        assertThatThrownBy(() -> account.newOrder().domain("www.elsewhere.test").create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:rejectedIdentifier"));
        Certificate certificate = issueWithHttp01(account, null, "app.corp.example.test");
        assertChainsToServerRoot(certificate);
        // the EAB key list never shows the secret
        HttpResponse<String> list = acme.server.get("/api/v1/acme/eab-keys?endpoint=corp", token);
        assertThat(list.body()).contains(kid).doesNotContain(hmac);
    }
}
