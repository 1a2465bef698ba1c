package org.lanyard.core.acme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One ACME request body: a flattened JWS JSON serialization (RFC 8555 §6.2, RFC 7515 §7.2.2),
 * parsed and its protected header checked before any key is looked up. {@link #verify} then
 * checks the signature with the key the request names (its {@code jwk}, or the account of its
 * {@code kid}). Refusals: {@code malformed} for structure, {@code badSignatureAlgorithm} for
 * {@code none}, MACs and algorithms the key does not use.
 */
public final class JwsMessage {

    public static final List<String> ALGORITHMS = List.of("ES256", "ES384", "ES512", "RS256", "EdDSA");
    private static final Set<String> MEMBERS = Set.of("protected", "payload", "signature");

    private final String protectedB64;
    private final String payloadB64;
    private final byte[] signature;
    private final Map<String, Object> header;
    private final byte[] payload;

    private JwsMessage(String protectedB64, String payloadB64, byte[] signature, Map<String, Object> header,
            byte[] payload) {
        this.protectedB64 = protectedB64;
        this.payloadB64 = payloadB64;
        this.signature = signature;
        this.header = header;
        this.payload = payload;
    }

    /** Parses a request body; checks structure and the ACME rules for the protected header. */
    public static JwsMessage parse(byte[] body) {
        JwsMessage message = structure(body);
        message.checkHeader();
        return message;
    }

    /**
     * Parses the inner JWS of a key change (RFC 8555 §7.3.5): signed by the new key, which it
     * carries as {@code jwk}; {@code url} like the outer one; no nonce.
     */
    public static JwsMessage parseKeyChange(byte[] body) {
        JwsMessage message = structure(body);
        Object alg = message.header.get("alg");
        if (!(alg instanceof String a) || !ALGORITHMS.contains(a)) {
            throw AcmeError.BAD_SIGNATURE_ALGORITHM.exception("alg must be one of " + ALGORITHMS,
                    Map.of("algorithms", ALGORITHMS));
        }
        if (!message.header.containsKey("jwk") || message.header.containsKey("kid")
                || message.header.containsKey("nonce") || !(message.header.get("url") instanceof String)) {
            throw AcmeError.MALFORMED.exception("the inner key-change JWS needs jwk and url, and no kid or nonce");
        }
        return message;
    }

    private static JwsMessage structure(byte[] body) {
        if (body == null || body.length == 0) {
            throw AcmeError.MALFORMED.exception("the request body must be a JWS (application/jose+json)");
        }
        Map<String, Object> outer = JsonText.object(new String(body, StandardCharsets.UTF_8));
        if (outer.containsKey("header") || outer.containsKey("signatures")) {
            throw AcmeError.MALFORMED.exception("only the flattened JWS serialization without unprotected header is allowed");
        }
        if (!MEMBERS.equals(outer.keySet())) {
            throw AcmeError.MALFORMED.exception("a JWS has exactly the members protected, payload and signature");
        }
        String protectedB64 = string(outer, "protected");
        String payloadB64 = string(outer, "payload");
        byte[] signature = Base64Url.decode(string(outer, "signature"), "the signature");
        Map<String, Object> header = JsonText.object(new String(Base64Url.decode(protectedB64, "the protected header"),
                StandardCharsets.UTF_8));
        byte[] payload = Base64Url.decode(payloadB64, "the payload");
        return new JwsMessage(protectedB64, payloadB64, signature, header, payload);
    }

    private void checkHeader() {
        Object alg = header.get("alg");
        if (!(alg instanceof String a) || !ALGORITHMS.contains(a)) {
            throw AcmeError.BAD_SIGNATURE_ALGORITHM.exception("alg must be one of " + ALGORITHMS,
                    Map.of("algorithms", ALGORITHMS));
        }
        boolean hasJwk = header.containsKey("jwk");
        boolean hasKid = header.containsKey("kid");
        if (hasJwk == hasKid) {
            throw AcmeError.MALFORMED.exception("the protected header must contain exactly one of jwk and kid");
        }
        if (hasKid && !(header.get("kid") instanceof String)) {
            throw AcmeError.MALFORMED.exception("kid must be a string");
        }
        if (!(header.get("url") instanceof String)) {
            throw AcmeError.MALFORMED.exception("the protected header must contain url");
        }
        if (!(header.get("nonce") instanceof String n) || n.isEmpty()) {
            throw AcmeError.BAD_NONCE.exception("the protected header must contain a nonce");
        }
        if (header.containsKey("crit") || header.containsKey("b64")) {
            throw AcmeError.MALFORMED.exception("crit and b64 are not supported");
        }
    }

    public String alg() {
        return (String) header.get("alg");
    }

    public String url() {
        return (String) header.get("url");
    }

    public String nonce() {
        return (String) header.get("nonce");
    }

    /** The account URL, or null when the request carries a {@link #jwk()}. */
    public String kid() {
        return (String) header.get("kid");
    }

    /** The embedded key, or null when the request names an account by {@link #kid()}. */
    public Jwk jwk() {
        return header.containsKey("jwk") ? Jwk.parse(header.get("jwk")) : null;
    }

    public Object rawJwk() {
        return header.get("jwk");
    }

    /** Empty for POST-as-GET. */
    public byte[] payload() {
        return payload.clone();
    }

    public boolean postAsGet() {
        return payloadB64.isEmpty();
    }

    /** The payload as a JSON object; {@code malformed} when it is not one (or empty). */
    public Map<String, Object> json() {
        if (postAsGet()) {
            throw AcmeError.MALFORMED.exception("this request needs a JSON payload, not POST-as-GET");
        }
        return JsonText.object(new String(payload, StandardCharsets.UTF_8));
    }

    /** Checks the signature with {@code key}; {@code badSignatureAlgorithm} when alg does not fit it. */
    public void verify(Jwk key) {
        if (!key.fits(alg())) {
            throw AcmeError.BAD_SIGNATURE_ALGORITHM.exception("alg " + alg() + " does not fit the account key",
                    Map.of("algorithms", ALGORITHMS));
        }
        byte[] input = (protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII);
        boolean valid;
        try {
            Signature verifier = switch (alg()) {
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
                case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                default -> Signature.getInstance("Ed25519");
            };
            if (key.ecSize() > 0 && signature.length != 2 * key.ecSize()) {
                throw AcmeError.MALFORMED.exception("the JWS signature does not verify");
            }
            verifier.initVerify(key.key());
            verifier.update(input);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof org.lanyard.core.LanyardException le) {
                throw le;
            }
            valid = false;
        }
        if (!valid) {
            throw AcmeError.MALFORMED.exception("the JWS signature does not verify");
        }
    }

    /**
     * Checks an External Account Binding JWS (RFC 8555 §7.3.4): {@code inner} is this request's
     * {@code externalAccountBinding} member, MAC'd with the EAB key; its payload must be the
     * outer {@code jwk} and its url the outer url. Returns the EAB key id.
     */
    public String eabKeyId(Object inner) {
        if (!(inner instanceof Map<?, ?> eab)) {
            throw AcmeError.MALFORMED.exception("externalAccountBinding must be a JWS object");
        }
        if (!(eab.get("protected") instanceof String p) || !(eab.get("payload") instanceof String pl)
                || !(eab.get("signature") instanceof String)) {
            throw AcmeError.MALFORMED.exception("externalAccountBinding must be a flattened JWS");
        }
        Map<String, Object> h = JsonText.object(new String(Base64Url.decode(p, "the EAB header"), StandardCharsets.UTF_8));
        if (!(h.get("alg") instanceof String alg) || !alg.matches("HS(256|384|512)")) {
            throw AcmeError.BAD_SIGNATURE_ALGORITHM.exception("the EAB alg must be HS256, HS384 or HS512");
        }
        if (h.containsKey("nonce") || !(h.get("kid") instanceof String kid) || !url().equals(h.get("url"))) {
            throw AcmeError.MALFORMED.exception("the EAB header needs kid and the request url, and no nonce");
        }
        Jwk inside = Jwk.parse(JsonText.parse(new String(Base64Url.decode(pl, "the EAB payload"), StandardCharsets.UTF_8)));
        if (!inside.canonical().equals(jwk().canonical())) {
            throw AcmeError.MALFORMED.exception("the EAB payload must be the account key");
        }
        return kid;
    }

    /** Checks the MAC of {@code inner} with {@code hmacKey} (after {@link #eabKeyId} accepted it). */
    public static void verifyEabMac(Object inner, byte[] hmacKey) {
        Map<?, ?> eab = (Map<?, ?>) inner;
        String p = (String) eab.get("protected");
        String alg = (String) JsonText.object(new String(Base64Url.decode(p, "the EAB header"),
                StandardCharsets.UTF_8)).get("alg");
        byte[] given = Base64Url.decode((String) eab.get("signature"), "the EAB signature");
        try {
            String name = "Hmac" + alg.replace("HS", "SHA");
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(hmacKey, name));
            byte[] expected = mac.doFinal((p + "." + eab.get("payload")).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, given)) {
                throw AcmeError.UNAUTHORIZED.exception("the external account binding MAC does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw AcmeError.UNAUTHORIZED.exception("the external account binding MAC cannot be checked");
        }
    }

    private static String string(Map<String, Object> outer, String member) {
        if (!(outer.get(member) instanceof String s)) {
            throw AcmeError.MALFORMED.exception("JWS member '" + member + "' must be a string");
        }
        return s;
    }
}
