package org.lanyard.core.audit;

import java.util.Optional;
import java.util.function.Consumer;
import org.lanyard.core.Page;

/** Storage of the transaction log. Appends run inside the caller's transaction. */
public interface AuditLog extends AuditReader {

    /**
     * Locks the chain head until the current transaction ends and returns it (empty for a new
     * log). Appends from all nodes serialise here, so the chain stays one line.
     */
    Optional<ChainHead> lockHead();

    /** Stores {@code event} and moves the head to it. Call after {@link #lockHead()}, in the same transaction. */
    void append(AuditEvent event);

    /** The head without locking. */
    Optional<ChainHead> head();

    /** Every stored record, in the order the store wrote them (not sorted by sequence). */
    void forEachStored(Consumer<AuditEvent> action);

    Page<AuditEvent> search(AuditQuery query);
}
