package org.lanyard.store;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import org.lanyard.core.acme.NonceLedger;

/** Redeemed nonces ({@code acme_used_nonces}) and the shared MAC key ({@code acme_nonce_key}). */
final class JdbcAcmeNonces implements NonceLedger {

    private final Sql sql;

    JdbcAcmeNonces(Sql sql) {
        this.sql = sql;
    }

    @Override
    public byte[] key() {
        return sql.with("read the nonce key", c -> {
            var existing = Sql.list(c, "SELECT mac_key FROM acme_nonce_key WHERE id = 1", r -> r.getBytes(1));
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Savepoint savepoint = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO acme_nonce_key (id, mac_key) VALUES (1, ?)", (Object) key);
                c.releaseSavepoint(savepoint);
                return key;
            } catch (SQLException e) {
                c.rollback(savepoint); // another node made it first: use theirs
                return Sql.list(c, "SELECT mac_key FROM acme_nonce_key WHERE id = 1", r -> r.getBytes(1)).get(0);
            }
        });
    }

    @Override
    public boolean redeem(String nonce, Instant expires) {
        return sql.with("redeem a nonce", c -> {
            Savepoint savepoint = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO acme_used_nonces (nonce, expires) VALUES (?, ?)", nonce, expires);
                c.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void purge(Instant before) {
        sql.update("purge used nonces", "DELETE FROM acme_used_nonces WHERE expires < ?", before);
    }
}
