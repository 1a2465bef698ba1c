package org.lanyard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.ChainHead;

/**
 * The transaction log in {@code audit_events}, its head in the single row of {@code audit_head}.
 * {@link #lockHead} takes a row lock on that head ({@code SELECT ... FOR UPDATE}), which every
 * node's append must pass, so appends serialise across a cluster on PostgreSQL as on H2.
 */
final class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS = "sequence_number, node_id, event_text, actor, action, target, details,"
            + " previous_hash, hash";
    private static final String HEAD = "SELECT sequence_number, hash FROM audit_head WHERE id = 1";

    private final Sql sql;

    JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<ChainHead> lockHead() {
        return sql.one("lock the audit chain head", HEAD + " FOR UPDATE", JdbcAuditLog::head)
                .filter(h -> h.sequence() > 0);
    }

    @Override
    public void append(AuditEvent e) {
        sql.with("append an audit event", c -> {
            Sql.update(c, "INSERT INTO audit_events (" + COLUMNS + ", event_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.sequence(), e.nodeId(), e.time().toString(), e.actor(), e.action(), e.target(), e.details(),
                    e.previousHash(), e.hash(), e.time());
            if (Sql.update(c, "UPDATE audit_head SET sequence_number = ?, hash = ? WHERE id = 1 AND hash = ?",
                    e.sequence(), e.hash(), e.previousHash()) != 1) {
                throw LanyardException.conflict("audit-head-moved",
                        "the audit chain head is not the event's predecessor; lock the head before appending");
            }
            return null;
        });
    }

    @Override
    public Optional<ChainHead> head() {
        return sql.one("read the audit chain head", HEAD, JdbcAuditLog::head).filter(h -> h.sequence() > 0);
    }

    /** Streams by {@code row_id}, the order of insertion, without loading the log into memory. */
    @Override
    public void forEachStored(Consumer<AuditEvent> action) {
        sql.with("read the audit log", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS + ", event_time FROM audit_events"
                    + " ORDER BY row_id")) {
                statement.setFetchSize(500);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.accept(event(rows));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Actor matches a case-insensitive substring (it reads {@code name (id)}); action and target
     * match exactly; {@code from} is inclusive, {@code to} exclusive. Newest first.
     */
    @Override
    public Page<AuditEvent> search(AuditQuery q) {
        Where where = new Where()
                .and("LOWER(actor) LIKE ? ESCAPE '\\'", q.actor() == null ? null : Sql.contains(q.actor()))
                .and("action = ?", q.action())
                .and("target = ?", q.target())
                .and("event_time >= ?", q.from())
                .and("event_time < ?", q.to());
        var page = q.page();
        return sql.with("search the audit log", c -> {
            long total = Sql.list(c, "SELECT COUNT(*) FROM audit_events" + where.sql(), r -> r.getLong(1),
                    where.params()).get(0);
            List<AuditEvent> items = Sql.list(c, "SELECT " + COLUMNS + ", event_time FROM audit_events" + where.sql()
                    + " ORDER BY sequence_number DESC LIMIT ? OFFSET ?", JdbcAuditLog::event,
                    where.params(page.size(), page.offset()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static ChainHead head(ResultSet r) throws SQLException {
        return new ChainHead(r.getLong("sequence_number"), r.getString("hash"));
    }

    /**
     * The event as hashed. Its time is the exact text; the searchable {@code event_time} column must
     * agree with it to the microsecond, else the column's value is used, so that an edited
     * {@code event_time} shows up in verification as an edited record.
     */
    private static AuditEvent event(ResultSet r) throws SQLException {
        Instant exact = Instant.parse(r.getString("event_text"));
        Instant column = Sql.instant(r, "event_time");
        Instant time = column != null && column.equals(exact.truncatedTo(ChronoUnit.MICROS)) ? exact : column;
        return new AuditEvent(r.getLong("sequence_number"), r.getString("node_id"),
                time, r.getString("actor"), r.getString("action"),
                r.getString("target"), r.getString("details"), r.getString("previous_hash"), r.getString("hash"));
    }
}
