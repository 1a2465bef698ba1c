package org.lanyard.cardsim;

import java.util.Arrays;
import java.util.HexFormat;

/** PKCS#1 v1.5 signature block (EMSA-PKCS1-v1_5) for SHA-256, for raw RSA on the card. */
final class Pkcs1 {

    private static final byte[] SHA256_PREFIX = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private Pkcs1() {
    }

    static byte[] sha256Block(byte[] hash, int size) {
        byte[] block = new byte[size];
        Arrays.fill(block, (byte) 0xFF);
        block[0] = 0;
        block[1] = 1;
        int t = SHA256_PREFIX.length + hash.length;
        block[size - t - 1] = 0;
        System.arraycopy(SHA256_PREFIX, 0, block, size - t, SHA256_PREFIX.length);
        System.arraycopy(hash, 0, block, size - hash.length, hash.length);
        return block;
    }
}
