package org.lanyard.core.acme;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;

/**
 * An account public key as a JWK (RFC 7517): EC P-256/P-384/P-521, RSA 2048–8192 bits, or
 * Ed25519. {@link #canonical()} is the RFC 7638 form (required members only, sorted, no spaces);
 * its SHA-256 is the {@link #thumbprint()} that identifies an account and enters key authorizations.
 */
public final class Jwk {

    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;
    private final String canonical;
    private final String family;

    private Jwk(PublicKey key, String canonical, String family) {
        this.key = key;
        this.canonical = canonical;
        this.family = family;
    }

    public static Jwk parse(Object value) {
        if (!(value instanceof Map<?, ?> jwk)) {
            throw AcmeError.MALFORMED.exception("jwk must be a JSON object");
        }
        Object kty = jwk.get("kty");
        if ("EC".equals(kty)) {
            return ec(jwk);
        }
        if ("RSA".equals(kty)) {
            return rsa(jwk);
        }
        if ("OKP".equals(kty)) {
            return okp(jwk);
        }
        throw AcmeError.BAD_PUBLIC_KEY.exception("key type must be EC, RSA or OKP (Ed25519)");
    }

    /** Reads a key stored in {@link #canonical()} form. */
    public static Jwk fromCanonical(String json) {
        return parse(JsonText.object(json));
    }

    private static Jwk ec(Map<?, ?> jwk) {
        String crv = text(jwk, "crv");
        int size;
        String curve;
        switch (crv) {
            case "P-256" -> { size = 32; curve = "secp256r1"; }
            case "P-384" -> { size = 48; curve = "secp384r1"; }
            case "P-521" -> { size = 66; curve = "secp521r1"; }
            default -> throw AcmeError.BAD_PUBLIC_KEY.exception("EC curve must be P-256, P-384 or P-521");
        }
        String x = text(jwk, "x");
        String y = text(jwk, "y");
        byte[] xb = Base64Url.decode(x, "jwk x");
        byte[] yb = Base64Url.decode(y, "jwk y");
        if (xb.length != size || yb.length != size) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("EC coordinates must be " + size + " bytes for " + crv);
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, xb), new BigInteger(1, yb));
            if (!onCurve(point, spec)) {
                throw AcmeError.BAD_PUBLIC_KEY.exception("the EC point is not on " + crv);
            }
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
            return new Jwk(key, "{\"crv\":\"" + crv + "\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}",
                    "EC" + crv);
        } catch (GeneralSecurityException e) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("the EC key cannot be read");
        }
    }

    private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static Jwk rsa(Map<?, ?> jwk) {
        String n = text(jwk, "n");
        String e = text(jwk, "e");
        BigInteger modulus = new BigInteger(1, Base64Url.decode(n, "jwk n"));
        BigInteger exponent = new BigInteger(1, Base64Url.decode(e, "jwk e"));
        if (modulus.bitLength() < 2048 || modulus.bitLength() > 8192 || !modulus.testBit(0)) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("RSA keys must have 2048 to 8192 bits");
        }
        if (exponent.bitLength() < 2 || !exponent.testBit(0) || exponent.bitLength() > 32) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("the RSA public exponent is not acceptable");
        }
        if (n.startsWith("AA") || e.startsWith("AA")) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("RSA integers must not have leading zero bytes");
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return new Jwk(key, "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}", "RSA");
        } catch (GeneralSecurityException ex) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("the RSA key cannot be read");
        }
    }

    private static Jwk okp(Map<?, ?> jwk) {
        if (!"Ed25519".equals(jwk.get("crv"))) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("OKP keys must be Ed25519");
        }
        String x = text(jwk, "x");
        byte[] xb = Base64Url.decode(x, "jwk x");
        if (xb.length != 32) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("Ed25519 keys are 32 bytes");
        }
        byte[] spki = new byte[ED25519_PREFIX.length + 32];
        System.arraycopy(ED25519_PREFIX, 0, spki, 0, ED25519_PREFIX.length);
        System.arraycopy(xb, 0, spki, ED25519_PREFIX.length, 32);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            return new Jwk(key, "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}", "Ed25519");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw AcmeError.BAD_PUBLIC_KEY.exception("the Ed25519 key cannot be read");
        }
    }

    private static String text(Map<?, ?> jwk, String member) {
        if (!(jwk.get(member) instanceof String s) || s.isEmpty()) {
            throw AcmeError.MALFORMED.exception("jwk member '" + member + "' must be a non-empty string");
        }
        return s;
    }

    public PublicKey key() {
        return key;
    }

    public String canonical() {
        return canonical;
    }

    /** The base64url SHA-256 of the canonical form (RFC 7638). */
    public String thumbprint() {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code alg} is the JWS algorithm this key signs with. */
    boolean fits(String alg) {
        return switch (alg) {
            case "ES256" -> family.equals("ECP-256");
            case "ES384" -> family.equals("ECP-384");
            case "ES512" -> family.equals("ECP-521");
            case "RS256" -> family.equals("RSA");
            case "EdDSA" -> family.equals("Ed25519");
            default -> false;
        };
    }

    int ecSize() {
        return key instanceof ECPublicKey ec ? (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8 : 0;
    }

    boolean rsa() {
        return key instanceof RSAPublicKey;
    }
}
