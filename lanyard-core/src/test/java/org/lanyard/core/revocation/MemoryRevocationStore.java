package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * In-memory {@link RevocationStore}. Counters behave like the SQL counter row: one lock per
 * store, numbers strictly increasing, never reused, and they survive new writer or responder
 * instances because they live here.
 */
final class MemoryRevocationStore implements RevocationStore {

    private record Shard(String issuerId, int shard) {
    }

    private final Map<Shard, TreeMap<BigInteger, Revocation>> revoked = new HashMap<>();
    private final Map<Shard, List<RevocationChange>> changes = new HashMap<>();
    private final Map<Shard, Long> sequences = new HashMap<>();
    private final Map<Shard, Long> crlNumbers = new HashMap<>();
    private final List<CrlRecord> crls = new ArrayList<>();

    @Override
    public synchronized Revocation revoke(BigInteger serial, String issuerId, int shard, RevocationReason reason,
            Instant revokedAt, Instant invalidityDate) {
        Shard key = new Shard(issuerId, shard);
        Revocation existing = revoked.computeIfAbsent(key, k -> new TreeMap<>()).get(serial);
        if (existing != null && !existing.onHold()) {
            throw new IllegalStateException("already revoked");
        }
        long sequence = nextSequence(key);
        Revocation revocation = new Revocation(serial, issuerId, shard, reason, revokedAt, invalidityDate, sequence);
        revoked.get(key).put(serial, revocation);
        changes.computeIfAbsent(key, k -> new ArrayList<>()).add(RevocationChange.revoked(revocation));
        return revocation;
    }

    @Override
    public synchronized RevocationChange release(String issuerId, BigInteger serial, Instant releasedAt) {
        Revocation held = find(issuerId, serial).filter(Revocation::onHold)
                .orElseThrow(() -> new IllegalStateException("not on hold"));
        Shard key = new Shard(issuerId, held.shard());
        revoked.get(key).remove(serial);
        RevocationChange change = new RevocationChange(nextSequence(key), serial, issuerId, held.shard(),
                RevocationChange.Kind.RELEASED, held.reason(), releasedAt, null);
        changes.get(key).add(change);
        return change;
    }

    @Override
    public synchronized Optional<Revocation> find(String issuerId, BigInteger serial) {
        return revoked.entrySet().stream().filter(e -> e.getKey().issuerId().equals(issuerId))
                .map(e -> e.getValue().get(serial)).filter(r -> r != null).findFirst();
    }

    @Override
    public void forEachRevoked(String issuerId, int shard, Consumer<Revocation> sink) {
        List<Revocation> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(revoked.getOrDefault(new Shard(issuerId, shard), new TreeMap<>()).values());
        }
        snapshot.forEach(sink);
    }

    @Override
    public void forEachChange(String issuerId, int shard, long afterSequence, long upToSequence,
            Consumer<RevocationChange> sink) {
        List<RevocationChange> selected;
        synchronized (this) {
            selected = changes.getOrDefault(new Shard(issuerId, shard), List.of()).stream()
                    .filter(c -> c.sequence() > afterSequence && c.sequence() <= upToSequence)
                    .sorted(Comparator.comparing(RevocationChange::serial)
                            .thenComparingLong(RevocationChange::sequence))
                    .toList();
        }
        selected.forEach(sink);
    }

    @Override
    public synchronized long lastSequence(String issuerId, int shard) {
        return sequences.getOrDefault(new Shard(issuerId, shard), 0L);
    }

    @Override
    public synchronized long nextCrlNumber(String issuerId, int shard) {
        return crlNumbers.merge(new Shard(issuerId, shard), 1L, Long::sum);
    }

    @Override
    public synchronized void saveCrl(CrlRecord crl) {
        crls.add(crl);
    }

    @Override
    public synchronized Optional<CrlRecord> latestFullCrl(String issuerId, int shard) {
        return crls.stream().filter(c -> !c.delta() && c.issuerId().equals(issuerId) && c.shard() == shard)
                .max(Comparator.comparingLong(CrlRecord::number));
    }

    synchronized int changeCount() {
        return changes.values().stream().mapToInt(List::size).sum();
    }

    private long nextSequence(Shard key) {
        return sequences.merge(key, 1L, Long::sum);
    }
}
