package org.lanyard.core.tx;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every store call made inside {@code work} commits
 * together, or, when {@code work} throws, none of them does. A state change and its audit event
 * always go through one call (DESIGN.md §5, invariant 4). Nested calls join the outer transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
