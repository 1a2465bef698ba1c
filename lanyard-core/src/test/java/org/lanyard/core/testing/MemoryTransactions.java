package org.lanyard.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.lanyard.core.tx.Transactions;

/**
 * Transactions over the in-memory stores: the outermost call snapshots every participating store
 * and restores them all when the work throws, so a test sees the same all-or-nothing commit as a
 * database. Nested calls join the outer transaction.
 */
public final class MemoryTransactions implements Transactions {

    /** A store that can take part in a transaction. */
    public interface Participant {
        Object snapshot();

        void restore(Object snapshot);
    }

    private final List<Participant> participants = new ArrayList<>();
    private int depth;
    private int commits;
    private int rollbacks;

    public MemoryTransactions(Participant... participants) {
        this.participants.addAll(List.of(participants));
    }

    public void enlist(Participant participant) {
        participants.add(participant);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            depth++;
            try {
                return work.get();
            } finally {
                depth--;
            }
        }
        List<Object> snapshots = participants.stream().map(Participant::snapshot).toList();
        depth = 1;
        try {
            T result = work.get();
            commits++;
            return result;
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < participants.size(); i++) {
                participants.get(i).restore(snapshots.get(i));
            }
            rollbacks++;
            throw e;
        } finally {
            depth = 0;
        }
    }

    public int commits() {
        return commits;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
