package org.lanyard.core.revocation;

import java.math.BigInteger;

/**
 * Which CRL shard a certificate is listed on. The shard is a pure function of the serial and the
 * issuer's shard count, so it can be written into the certificate's CRL distribution point at
 * issuance and found again from the serial alone: the low 64 bits of the serial, unsigned,
 * modulo the count (serials are CSPRNG output, so shards fill evenly). In SQL:
 * {@code mod(serial, 2^64) mod n}. The count must not change once an issuer has certificates
 * (docs/adr/0007-crl-shards.md).
 */
public final class CrlShards {

    /** Placeholder for the shard number in CRL URL templates. */
    public static final String PLACEHOLDER = "${shard}";
    public static final int MAX_SHARDS = 4096;

    private CrlShards() {
    }

    public static int shardOf(BigInteger serial, int count) {
        if (count < 1 || count > MAX_SHARDS) {
            throw new IllegalArgumentException("shard count must be 1 to " + MAX_SHARDS + ", not " + count);
        }
        if (serial == null || serial.signum() <= 0) {
            throw new IllegalArgumentException("a serial number is positive");
        }
        return (int) Long.remainderUnsigned(serial.longValue(), count);
    }

    /** {@code template} with {@code ${shard}} replaced by the shard number. */
    public static String url(String template, int shard) {
        return template.replace(PLACEHOLDER, Integer.toString(shard));
    }

    /** The CRL URL a certificate with this serial gets in its CRL distribution point. */
    public static String url(String template, BigInteger serial, int count) {
        return url(template, shardOf(serial, count));
    }
}
