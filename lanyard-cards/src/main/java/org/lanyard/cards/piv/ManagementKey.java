package org.lanyard.cards.piv;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PIV card application administration key (key reference 9B) with its algorithm. Both the
 * client ({@link PivCard#authenticate}) and the virtual card use it for the challenge-response
 * of GENERAL AUTHENTICATE, so the two can never disagree about the cipher.
 */
public final class ManagementKey {

    /** Algorithms of the management key and their PIV identifiers. */
    public enum Algorithm {
        TDES(0x03, "DESede", 24, 8),
        AES128(0x08, "AES", 16, 16),
        AES192(0x0A, "AES", 24, 16),
        AES256(0x0C, "AES", 32, 16);

        private final int id;
        private final String cipher;
        private final int keyLength;
        private final int blockSize;

        Algorithm(int id, String cipher, int keyLength, int blockSize) {
            this.id = id;
            this.cipher = cipher;
            this.keyLength = keyLength;
            this.blockSize = blockSize;
        }

        public int id() {
            return id;
        }

        public int keyLength() {
            return keyLength;
        }

        public int blockSize() {
            return blockSize;
        }

        /** The algorithm for a PIV identifier, or null when it is not a management-key algorithm. */
        public static Algorithm ofId(int id) {
            for (Algorithm a : values()) {
                if (a.id == id) {
                    return a;
                }
            }
            return null;
        }
    }

    /** The well-known factory key every PIV card and YubiKey ships with; change it at issuance. */
    public static final ManagementKey DEFAULT = new ManagementKey(Algorithm.TDES,
            HexFormat.of().parseHex("010203040506070801020304050607080102030405060708"));

    private final Algorithm algorithm;
    private final byte[] key;

    public ManagementKey(Algorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength) {
            throw new IllegalArgumentException(algorithm + " key must be " + algorithm.keyLength + " bytes");
        }
        this.algorithm = algorithm;
        this.key = key.clone();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] encrypt(byte[] block) {
        return crypt(Cipher.ENCRYPT_MODE, block);
    }

    public byte[] decrypt(byte[] block) {
        return crypt(Cipher.DECRYPT_MODE, block);
    }

    private byte[] crypt(int mode, byte[] block) {
        if (block.length != algorithm.blockSize) {
            throw new IllegalArgumentException("block must be " + algorithm.blockSize + " bytes");
        }
        try {
            Cipher c = Cipher.getInstance(algorithm.cipher + "/ECB/NoPadding");
            c.init(mode, new SecretKeySpec(key, algorithm.cipher));
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("management key cipher unavailable", e);
        }
    }

    public boolean sameAs(ManagementKey other) {
        return other != null && other.algorithm == algorithm && Arrays.equals(other.key, key);
    }

    @Override
    public String toString() {
        return "ManagementKey[" + algorithm + "]";
    }
}
