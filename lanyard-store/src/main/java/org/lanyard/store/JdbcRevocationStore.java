package org.lanyard.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lanyard.core.revocation.CrlRecord;
import org.lanyard.core.revocation.Revocation;
import org.lanyard.core.revocation.RevocationChange;
import org.lanyard.core.revocation.RevocationReason;
import org.lanyard.core.revocation.RevocationStore;

/**
 * Revocations in {@code revocations} (the current set), {@code revocation_changes} (the log delta
 * CRLs read) and {@code crl_records}; the change sequence and the CRL number of a shard come from
 * its row in {@code crl_counters}, taken {@code FOR UPDATE} (see {@link RevocationStore}). Reads
 * of a whole shard go through a cursor with a fetch size: on PostgreSQL that needs autocommit
 * off, which every store call has (it runs in the caller's transaction or in one of its own).
 */
final class JdbcRevocationStore implements RevocationStore {

    static final int FETCH_SIZE = 1000;
    private static final int KEY_DIGITS = 40;

    private final Sql sql;

    JdbcRevocationStore(Sql sql) {
        this.sql = sql;
    }

    /** Lower-case hex, left-padded to 40 digits: text order is numeric order. */
    static String key(BigInteger serial) {
        String hex = serial.toString(16);
        return hex.length() >= KEY_DIGITS ? hex : "0".repeat(KEY_DIGITS - hex.length()) + hex;
    }

    static BigInteger serial(String key) {
        return new BigInteger(key, 16);
    }

    @Override
    public Revocation revoke(BigInteger serial, String issuerId, int shard, RevocationReason reason,
            Instant revokedAt, Instant invalidityDate) {
        return sql.with("revoke a certificate", c -> {
            Optional<Revocation> existing = find(c, issuerId, serial);
            if (existing.isPresent() && !existing.get().onHold()) {
                throw new IllegalStateException("serial " + serial.toString(16) + " is already revoked");
            }
            long sequence = nextSequence(c, issuerId, shard);
            if (existing.isPresent()) {
                Sql.update(c, "UPDATE revocations SET shard = ?, reason = ?, revoked_at = ?, invalidity_date = ?,"
                        + " sequence_number = ? WHERE issuer_id = ? AND serial_key = ?", shard, reason, revokedAt,
                        invalidityDate, sequence, issuerId, key(serial));
            } else {
                Sql.update(c, "INSERT INTO revocations (issuer_id, serial_key, shard, reason, revoked_at,"
                        + " invalidity_date, sequence_number) VALUES (?, ?, ?, ?, ?, ?, ?)", issuerId, key(serial),
                        shard, reason, revokedAt, invalidityDate, sequence);
            }
            logChange(c, issuerId, shard, sequence, serial, RevocationChange.Kind.REVOKED, reason, revokedAt,
                    invalidityDate);
            return new Revocation(serial, issuerId, shard, reason, revokedAt, invalidityDate, sequence);
        });
    }

    @Override
    public RevocationChange release(String issuerId, BigInteger serial, Instant releasedAt) {
        return sql.with("lift a hold", c -> {
            Revocation held = find(c, issuerId, serial).filter(Revocation::onHold)
                    .orElseThrow(() -> new IllegalStateException("serial " + serial.toString(16) + " is not on hold"));
            long sequence = nextSequence(c, issuerId, held.shard());
            Sql.update(c, "DELETE FROM revocations WHERE issuer_id = ? AND serial_key = ?", issuerId, key(serial));
            logChange(c, issuerId, held.shard(), sequence, serial, RevocationChange.Kind.RELEASED, held.reason(),
                    releasedAt, null);
            return new RevocationChange(sequence, serial, issuerId, held.shard(), RevocationChange.Kind.RELEASED,
                    held.reason(), releasedAt, null);
        });
    }

    @Override
    public Optional<Revocation> find(String issuerId, BigInteger serial) {
        return sql.with("find a revocation", c -> find(c, issuerId, serial));
    }

    @Override
    public void forEachRevoked(String issuerId, int shard, Consumer<Revocation> sink) {
        sql.with("read a shard's revocations", c -> {
            stream(c, "SELECT issuer_id, serial_key, shard, reason, revoked_at, invalidity_date, sequence_number"
                    + " FROM revocations WHERE issuer_id = ? AND shard = ? ORDER BY serial_key",
                    r -> sink.accept(revocation(r)), issuerId, shard);
            return null;
        });
    }

    @Override
    public void forEachChange(String issuerId, int shard, long afterSequence, long upToSequence,
            Consumer<RevocationChange> sink) {
        sql.with("read a shard's changes", c -> {
            stream(c, "SELECT sequence_number, serial_key, kind, reason, changed_at, invalidity_date"
                    + " FROM revocation_changes WHERE issuer_id = ? AND shard = ? AND sequence_number > ?"
                    + " AND sequence_number <= ? ORDER BY serial_key, sequence_number",
                    r -> sink.accept(new RevocationChange(r.getLong("sequence_number"),
                            serial(r.getString("serial_key")), issuerId, shard,
                            RevocationChange.Kind.valueOf(r.getString("kind")),
                            RevocationReason.valueOf(r.getString("reason")), Sql.instant(r, "changed_at"),
                            Sql.instant(r, "invalidity_date"))),
                    issuerId, shard, afterSequence, upToSequence);
            return null;
        });
    }

    @Override
    public long lastSequence(String issuerId, int shard) {
        return sql.one("read a shard's last change", "SELECT last_sequence FROM crl_counters WHERE issuer_id = ?"
                + " AND shard = ?", r -> r.getLong(1), issuerId, shard).orElse(0L);
    }

    /** Runs in the caller's transaction if there is one, else in its own (the CRL writers call it outside). */
    @Override
    public long nextCrlNumber(String issuerId, int shard) {
        return sql.with("allocate a CRL number", c -> {
            long number = lockCounter(c, issuerId, shard)[1] + 1;
            Sql.update(c, "UPDATE crl_counters SET last_crl_number = ? WHERE issuer_id = ? AND shard = ?", number,
                    issuerId, shard);
            return number;
        });
    }

    @Override
    public void saveCrl(CrlRecord crl) {
        sql.update("record a CRL", "INSERT INTO crl_records (issuer_id, shard, crl_number, covers_sequence,"
                + " base_number, this_update, next_update, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", crl.issuerId(),
                crl.shard(), crl.number(), crl.coversSequence(), crl.baseNumber(), crl.thisUpdate(),
                crl.nextUpdate(), crl.entries());
    }

    @Override
    public Optional<CrlRecord> latestFullCrl(String issuerId, int shard) {
        return sql.one("find the newest full CRL", "SELECT crl_number, covers_sequence, this_update, next_update,"
                + " entries FROM crl_records WHERE issuer_id = ? AND shard = ? AND base_number IS NULL"
                + " ORDER BY crl_number DESC LIMIT 1", r -> new CrlRecord(issuerId, shard, r.getLong("crl_number"),
                        r.getLong("covers_sequence"), null, Sql.instant(r, "this_update"),
                        Sql.instant(r, "next_update"), r.getLong("entries")), issuerId, shard);
    }

    private long nextSequence(Connection c, String issuerId, int shard) throws SQLException {
        long sequence = lockCounter(c, issuerId, shard)[0] + 1;
        Sql.update(c, "UPDATE crl_counters SET last_sequence = ? WHERE issuer_id = ? AND shard = ?", sequence,
                issuerId, shard);
        return sequence;
    }

    /**
     * The shard's counter row, locked until the transaction ends: {last_sequence, last_crl_number}.
     * The first use inserts it under a savepoint; a node that loses that race reads the winner's row.
     */
    private static long[] lockCounter(Connection c, String issuerId, int shard) throws SQLException {
        String select = "SELECT last_sequence, last_crl_number FROM crl_counters WHERE issuer_id = ? AND shard = ?"
                + " FOR UPDATE";
        List<long[]> rows = Sql.list(c, select, r -> new long[] {r.getLong(1), r.getLong(2)}, issuerId, shard);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            Sql.update(c, "INSERT INTO crl_counters (issuer_id, shard, last_sequence, last_crl_number)"
                    + " VALUES (?, ?, 0, 0)", issuerId, shard);
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (!StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
        return Sql.list(c, select, r -> new long[] {r.getLong(1), r.getLong(2)}, issuerId, shard).get(0);
    }

    private static void logChange(Connection c, String issuerId, int shard, long sequence, BigInteger serial,
            RevocationChange.Kind kind, RevocationReason reason, Instant at, Instant invalidityDate)
            throws SQLException {
        Sql.update(c, "INSERT INTO revocation_changes (issuer_id, shard, sequence_number, serial_key, kind, reason,"
                + " changed_at, invalidity_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", issuerId, shard, sequence,
                key(serial), kind, reason, at, invalidityDate);
    }

    private static Optional<Revocation> find(Connection c, String issuerId, BigInteger serial) throws SQLException {
        return Sql.list(c, "SELECT issuer_id, serial_key, shard, reason, revoked_at, invalidity_date, sequence_number"
                + " FROM revocations WHERE issuer_id = ? AND serial_key = ?", JdbcRevocationStore::revocation,
                issuerId, key(serial)).stream().findFirst();
    }

    private static Revocation revocation(ResultSet r) throws SQLException {
        return new Revocation(serial(r.getString("serial_key")), r.getString("issuer_id"), r.getInt("shard"),
                RevocationReason.valueOf(r.getString("reason")), Sql.instant(r, "revoked_at"),
                Sql.instant(r, "invalidity_date"), r.getLong("sequence_number"));
    }

    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }

    private static void stream(Connection c, String query, RowSink sink, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(query)) {
            statement.setFetchSize(FETCH_SIZE);
            Sql.bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows);
                }
            }
        }
    }
}
