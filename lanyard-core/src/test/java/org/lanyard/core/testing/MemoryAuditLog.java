package org.lanyard.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lanyard.core.Page;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.ChainHead;

/**
 * The transaction log as a list plus a separate head, like the two tables of the real store.
 * {@link #stored()} and {@link #setHead} let tests tamper with both.
 */
public final class MemoryAuditLog implements AuditLog, MemoryTransactions.Participant {

    private List<AuditEvent> events = new ArrayList<>();
    private ChainHead head;
    /** Thrown by the next {@link #append} whose action equals {@link #failOnAction}, when set. */
    public String failOnAction;

    @Override
    public Optional<ChainHead> lockHead() {
        return head();
    }

    @Override
    public void append(AuditEvent event) {
        if (event.action().equals(failOnAction)) {
            failOnAction = null;
            throw new IllegalStateException("injected: audit store down");
        }
        events.add(event);
        head = new ChainHead(event.sequence(), event.hash());
    }

    @Override
    public Optional<ChainHead> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public void forEachStored(Consumer<AuditEvent> action) {
        events.forEach(action);
    }

    @Override
    public Page<AuditEvent> search(AuditQuery q) {
        List<AuditEvent> hits = events.stream()
                .filter(e -> q.actor() == null || e.actor().contains(q.actor()))
                .filter(e -> q.action() == null || e.action().equals(q.action()))
                .filter(e -> q.target() == null || e.target().equals(q.target()))
                .sorted(Comparator.comparingLong(AuditEvent::sequence).reversed()).toList();
        int from = (int) Math.min(hits.size(), q.page().offset());
        int to = Math.min(hits.size(), from + q.page().size());
        return new Page<>(hits.subList(from, to), q.page().page(), q.page().size(), hits.size());
    }

    /** The stored records themselves, for tampering. */
    public List<AuditEvent> stored() {
        return events;
    }

    public List<String> actions() {
        return events.stream().map(AuditEvent::action).toList();
    }

    public void setHead(ChainHead head) {
        this.head = head;
    }

    @Override
    public Object snapshot() {
        return new Object[] {new ArrayList<>(events), head};
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        Object[] s = (Object[]) snapshot;
        events = new ArrayList<>((List<AuditEvent>) s[0]);
        head = (ChainHead) s[1];
    }
}
