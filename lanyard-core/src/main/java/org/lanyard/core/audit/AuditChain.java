package org.lanyard.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash rule of the transaction log: SHA-256 over every field of a record, each written as
 * a 4-byte length and its UTF-8 bytes, ending with the previous record's hash. The first record
 * follows {@link #GENESIS}. Changing this rule breaks every existing log: see ADR 0004.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long sequence, String nodeId, Instant time, String actor, String action,
            String target, String details, String previousHash) {
        MessageDigest digest = sha256();
        field(digest, Long.toString(sequence));
        field(digest, nodeId);
        field(digest, time.toString());
        field(digest, actor);
        field(digest, action);
        field(digest, target);
        field(digest, details);
        field(digest, previousHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String hash(AuditEvent e) {
        return hash(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), e.target(), e.details(),
                e.previousHash());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
