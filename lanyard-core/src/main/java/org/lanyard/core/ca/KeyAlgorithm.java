package org.lanyard.core.ca;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** The key types Lanyard issues for and signs with. Anything else is refused by name. */
public enum KeyAlgorithm {
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA"),
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA256withRSA");

    private final String family;
    private final int size;
    private final String curve;
    private final String signatureAlgorithm;

    KeyAlgorithm(String family, int size, String curve, String signatureAlgorithm) {
        this.family = family;
        this.size = size;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** JCA key family: {@code EC} or {@code RSA}. */
    public String family() {
        return family;
    }

    /** Key size in bits (the curve's order size for EC). */
    public int size() {
        return size;
    }

    /** Standard curve name for EC keys, {@code null} for RSA. */
    public String curve() {
        return curve;
    }

    /** The JCA signature algorithm a CA with this key signs with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Short name used in configuration and the API: {@code p256}, {@code rsa3072}, … */
    public String id() {
        return curve != null ? "p" + size : "rsa" + size;
    }

    public static KeyAlgorithm fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return Arrays.stream(values())
                .filter(a -> a.id().equals(wanted) || a.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key algorithm '" + id
                        + "'; use one of p256, p384, rsa2048, rsa3072, rsa4096"));
    }

    /** The algorithm of a public key, or empty when Lanyard does not support it (RSA-1024, P-192, …). */
    public static Optional<KeyAlgorithm> of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return Arrays.stream(values()).filter(a -> a.family.equals("RSA") && a.size == bits).findFirst();
        }
        if (key instanceof ECPublicKey) {
            return of(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
        }
        return Optional.empty();
    }

    /** The algorithm named by a SubjectPublicKeyInfo, or empty when unsupported. */
    public static Optional<KeyAlgorithm> of(SubjectPublicKeyInfo spki) {
        AlgorithmIdentifier alg = spki.getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm())) {
            if (!(alg.getParameters() instanceof ASN1ObjectIdentifier curveOid)) {
                return Optional.empty(); // explicit or implicit curve parameters are not accepted
            }
            if (SECObjectIdentifiers.secp256r1.equals(curveOid)) {
                return Optional.of(EC_P256);
            }
            if (SECObjectIdentifiers.secp384r1.equals(curveOid)) {
                return Optional.of(EC_P384);
            }
            return Optional.empty();
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(alg.getAlgorithm())) {
            try {
                var rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(spki.parsePublicKey());
                int bits = rsa.getModulus().bitLength();
                return Arrays.stream(values()).filter(a -> a.family.equals("RSA") && a.size == bits).findFirst();
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Human description of any key for refusal messages: {@code RSA 1024}, {@code EC secp192r1}. */
    public static String describe(SubjectPublicKeyInfo spki) {
        AlgorithmIdentifier alg = spki.getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm())) {
            if (alg.getParameters() instanceof ASN1ObjectIdentifier curveOid) {
                String name = org.bouncycastle.asn1.x9.ECNamedCurveTable.getName(curveOid);
                return "EC " + (name != null ? name : curveOid.getId());
            }
            return "EC with explicit parameters";
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(alg.getAlgorithm())) {
            try {
                var rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(spki.parsePublicKey());
                return "RSA " + rsa.getModulus().bitLength();
            } catch (java.io.IOException | RuntimeException e) {
                return "RSA (unreadable)";
            }
        }
        return alg.getAlgorithm().getId();
    }
}
