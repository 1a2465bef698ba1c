package org.lanyard.cards.piv;

/** Asymmetric key algorithms of PIV (SP 800-78-4 table 6-2), with their algorithm identifiers. */
public enum KeyAlgorithm {
    RSA2048(0x07, "RSA", 2048, null),
    ECCP256(0x11, "EC", 256, "secp256r1"),
    ECCP384(0x14, "EC", 384, "secp384r1");

    private final int id;
    private final String jcaName;
    private final int bits;
    private final String curve;

    KeyAlgorithm(int id, String jcaName, int bits, String curve) {
        this.id = id;
        this.jcaName = jcaName;
        this.bits = bits;
        this.curve = curve;
    }

    public int id() {
        return id;
    }

    public String jcaName() {
        return jcaName;
    }

    public int bits() {
        return bits;
    }

    /** JCA curve name, or null for RSA. */
    public String curve() {
        return curve;
    }

    public boolean isEc() {
        return curve != null;
    }

    /** Bytes of a raw RSA block or of one EC coordinate. */
    public int size() {
        return (bits + 7) / 8;
    }

    public static KeyAlgorithm of(int id) {
        for (KeyAlgorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format("unknown PIV key algorithm %02X", id));
    }

    public static boolean isKnown(int id) {
        for (KeyAlgorithm a : values()) {
            if (a.id == id) {
                return true;
            }
        }
        return false;
    }
}
