package org.lanyard.store;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Optional;
import org.lanyard.core.revocation.CrlSchedule;
import org.lanyard.core.revocation.CrlSchedules;

/** Each issuer's CRL schedule in {@code crl_policies}. */
final class JdbcCrlSchedules implements CrlSchedules {

    private final Sql sql;

    JdbcCrlSchedules(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<CrlSchedule> find(String issuerId) {
        return sql.one("read a CRL policy", "SELECT shards, deltas, validity, delta_validity FROM crl_policies"
                + " WHERE issuer_id = ?", r -> new CrlSchedule(r.getInt("shards"), r.getBoolean("deltas"),
                        Duration.parse(r.getString("validity")), Duration.parse(r.getString("delta_validity"))),
                issuerId);
    }

    /** Insert under a savepoint: a node that loses the race keeps the winner's schedule. */
    @Override
    public CrlSchedule saveIfAbsent(String issuerId, CrlSchedule schedule) {
        Optional<CrlSchedule> existing = find(issuerId);
        if (existing.isPresent()) {
            return existing.get();
        }
        sql.with("save a CRL policy", c -> {
            Savepoint savepoint = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO crl_policies (issuer_id, shards, deltas, validity, delta_validity)"
                        + " VALUES (?, ?, ?, ?, ?)", issuerId, schedule.shards(), schedule.deltas(),
                        schedule.validity().toString(), schedule.deltaValidity().toString());
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (!StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
        return find(issuerId).orElseThrow();
    }
}
