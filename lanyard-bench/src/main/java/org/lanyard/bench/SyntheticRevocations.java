package org.lanyard.bench;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.lanyard.core.revocation.CrlRecord;
import org.lanyard.core.revocation.Revocation;
import org.lanyard.core.revocation.RevocationChange;
import org.lanyard.core.revocation.RevocationReason;
import org.lanyard.core.revocation.RevocationStore;

/**
 * A revocation store that makes up {@code count} revocations on the fly from a fixed seed, the
 * same ones on every pass, without holding them: what a database cursor looks like to the CRL
 * writer. Serials are 128 random bits; reasons cycle; every tenth entry has an invalidity date.
 */
final class SyntheticRevocations implements RevocationStore {

    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final RevocationReason[] REASONS = {RevocationReason.keyCompromise, RevocationReason.superseded,
            RevocationReason.unspecified, RevocationReason.cessationOfOperation, RevocationReason.affiliationChanged,
            RevocationReason.certificateHold, RevocationReason.privilegeWithdrawn};

    private final String issuerId;
    private final int count;
    private long crlNumber;

    SyntheticRevocations(String issuerId, int count) {
        this.issuerId = issuerId;
        this.count = count;
    }

    /** Every entry, in a fixed order; also used to feed the BouncyCastle baseline. */
    void forEach(Consumer<Revocation> sink) {
        SplittableRandom random = new SplittableRandom(20260101L);
        byte[] bytes = new byte[16];
        for (int i = 0; i < count; i++) {
            long high = random.nextLong();
            long low = random.nextLong();
            for (int b = 0; b < 8; b++) {
                bytes[b] = (byte) (high >>> (56 - 8 * b));
                bytes[8 + b] = (byte) (low >>> (56 - 8 * b));
            }
            BigInteger serial = new BigInteger(1, bytes).setBit(126); // positive, 16 octets
            Instant revokedAt = BASE.plusSeconds(i);
            Instant invalidity = i % 10 == 0 ? revokedAt.minusSeconds(86_400) : null;
            sink.accept(new Revocation(serial, issuerId, 0, REASONS[i % REASONS.length], revokedAt, invalidity, i + 1L));
        }
    }

    @Override
    public void forEachRevoked(String issuerId, int shard, Consumer<Revocation> sink) {
        forEach(sink);
    }

    @Override
    public long lastSequence(String issuerId, int shard) {
        return count;
    }

    @Override
    public synchronized long nextCrlNumber(String issuerId, int shard) {
        return ++crlNumber;
    }

    @Override
    public void saveCrl(CrlRecord crl) {
    }

    @Override
    public Optional<CrlRecord> latestFullCrl(String issuerId, int shard) {
        return Optional.empty();
    }

    @Override
    public Revocation revoke(BigInteger serial, String issuerId, int shard, RevocationReason reason, Instant revokedAt,
            Instant invalidityDate) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public RevocationChange release(String issuerId, BigInteger serial, Instant releasedAt) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Optional<Revocation> find(String issuerId, BigInteger serial) {
        return Optional.empty();
    }

    @Override
    public void forEachChange(String issuerId, int shard, long afterSequence, long upToSequence,
            Consumer<RevocationChange> sink) {
    }
}
