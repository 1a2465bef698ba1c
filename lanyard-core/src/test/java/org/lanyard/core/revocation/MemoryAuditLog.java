package org.lanyard.core.revocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lanyard.core.Page;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.ChainHead;

final class MemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized Optional<ChainHead> lockHead() {
        return head();
    }

    @Override
    public synchronized void append(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized Optional<ChainHead> head() {
        return events.isEmpty() ? Optional.empty()
                : Optional.of(new ChainHead(events.get(events.size() - 1).sequence(), events.get(events.size() - 1).hash()));
    }

    @Override
    public synchronized void forEachStored(Consumer<AuditEvent> action) {
        List.copyOf(events).forEach(action);
    }

    @Override
    public synchronized Page<AuditEvent> search(AuditQuery query) {
        return new Page<>(events, 0, events.size(), events.size());
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
