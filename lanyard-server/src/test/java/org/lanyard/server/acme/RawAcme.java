package org.lanyard.server.acme;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * A hand-made ACME client for requests no real client would send: every JWS field is chosen by
 * the test (ES256 over P-256 keys).
 */
final class RawAcme {

    private final HttpClient client = HttpClient.newBuilder().build();
    final String base;

    RawAcme(String base) {
        this.base = base;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String jwk(KeyPair key) {
        ECPublicKey pub = (ECPublicKey) key.getPublic();
        return "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + b64(fixed(pub.getW().getAffineX())) + "\",\"y\":\""
                + b64(fixed(pub.getW().getAffineY())) + "\"}";
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    static String sign(KeyPair key, String protectedB64, String payloadB64) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key.getPrivate());
        signer.update((protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII));
        return b64(signer.sign());
    }

    /** A flattened JWS with the given protected header JSON, payload text (null = POST-as-GET), ES256 by {@code key}. */
    static String jws(KeyPair key, String header, String payload) throws Exception {
        String p = b64(header);
        String pl = payload == null ? "" : b64(payload);
        return "{\"protected\":\"" + p + "\",\"payload\":\"" + pl + "\",\"signature\":\"" + sign(key, p, pl) + "\"}";
    }

    static String header(String alg, String keyMember, String nonce, String url) {
        return "{\"alg\":\"" + alg + "\"," + keyMember + ",\"nonce\":\"" + nonce + "\",\"url\":\"" + url + "\"}";
    }

    String nonce() throws Exception {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/acme/default/new-nonce"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("Replay-Nonce").orElseThrow();
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/jose+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates an account for {@code key} and returns its URL. */
    String newAccount(KeyPair key) throws Exception {
        String url = base + "/acme/default/new-account";
        HttpResponse<String> r = post(url, jws(key, header("ES256", "\"jwk\":" + jwk(key), nonce(), url),
                "{\"termsOfServiceAgreed\":true}"));
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** A request signed by {@code key} for the account {@code kid}. */
    HttpResponse<String> postAs(KeyPair key, String kid, String url, String payload) throws Exception {
        return post(url, jws(key, header("ES256", "\"kid\":\"" + kid + "\"", nonce(), url), payload));
    }
}
