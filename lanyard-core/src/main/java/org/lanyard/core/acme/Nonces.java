package org.lanyard.core.acme;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replay nonces that any node accepts once (ADR 0007). A nonce is {@code expiry ‖ random ‖
 * HMAC}, MAC'd with a key all nodes share through the store, so issuing one costs no database
 * write; redeeming one inserts it into the {@link NonceLedger}, whose unique key makes the
 * second use fail on every node.
 */
public class Nonces {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAC_BYTES = 16;

    private final NonceLedger ledger;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issued = new AtomicLong();
    private volatile byte[] key;

    public Nonces(NonceLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(8 + 8);
        body.putLong(clock.instant().plus(LIFETIME).getEpochSecond());
        byte[] r = new byte[8];
        random.nextBytes(r);
        body.put(r);
        byte[] mac = mac(body.array());
        if (issued.incrementAndGet() % 1000 == 0) {
            ledger.purge(clock.instant().minus(Duration.ofMinutes(1)));
        }
        return Base64Url.encode(ByteBuffer.allocate(16 + MAC_BYTES).put(body.array()).put(mac, 0, MAC_BYTES).array());
    }

    /** Accepts a nonce this cluster issued, unexpired and never redeemed; else {@code badNonce}. */
    public void redeem(String nonce) {
        byte[] raw;
        try {
            raw = Base64Url.decode(nonce, "the nonce");
        } catch (RuntimeException e) {
            throw AcmeError.BAD_NONCE.exception("the nonce is not one this server issued");
        }
        if (raw.length != 16 + MAC_BYTES) {
            throw AcmeError.BAD_NONCE.exception("the nonce is not one this server issued");
        }
        byte[] body = java.util.Arrays.copyOf(raw, 16);
        byte[] given = java.util.Arrays.copyOfRange(raw, 16, raw.length);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(mac(body), MAC_BYTES), given)) {
            throw AcmeError.BAD_NONCE.exception("the nonce is not one this server issued");
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(body).getLong());
        if (clock.instant().isAfter(expires)) {
            throw AcmeError.BAD_NONCE.exception("the nonce has expired");
        }
        if (!ledger.redeem(nonce, expires)) {
            throw AcmeError.BAD_NONCE.exception("the nonce was already used");
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = ledger.key();
            key = k;
        }
        return k;
    }
}
