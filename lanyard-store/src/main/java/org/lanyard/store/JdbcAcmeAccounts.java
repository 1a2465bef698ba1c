package org.lanyard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lanyard.core.acme.Account;
import org.lanyard.core.acme.AcmeAccounts;

/** ACME accounts in {@code acme_accounts}; contacts are newline-separated. */
final class JdbcAcmeAccounts implements AcmeAccounts {

    private static final String SELECT = "SELECT id, endpoint, thumbprint, jwk, status, contacts, eab_key_id, created_at"
            + " FROM acme_accounts";

    private final Sql sql;

    JdbcAcmeAccounts(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Account a) {
        keyUnique("create an ACME account", "INSERT INTO acme_accounts (id, endpoint, thumbprint, jwk, status, contacts,"
                + " eab_key_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.endpoint(), a.thumbprint(), a.jwk(),
                a.status(), String.join("\n", a.contacts()), a.eabKeyId(), a.createdAt());
    }

    @Override
    public void update(Account a) {
        keyUnique("update an ACME account", "UPDATE acme_accounts SET thumbprint = ?, jwk = ?, status = ?, contacts = ?"
                + " WHERE id = ?", a.thumbprint(), a.jwk(), a.status(), String.join("\n", a.contacts()), a.id());
    }

    /** Runs under a savepoint so a key collision leaves the transaction usable (PostgreSQL). */
    private void keyUnique(String what, String statement, Object... params) {
        sql.with(what, c -> {
            Savepoint savepoint = c.setSavepoint();
            try {
                Sql.update(c, statement, params);
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new KeyInUseException();
                }
                throw e;
            }
            c.releaseSavepoint(savepoint);
            return null;
        });
    }

    @Override
    public Optional<Account> find(String id) {
        return sql.one("find an ACME account", SELECT + " WHERE id = ?", JdbcAcmeAccounts::account, id);
    }

    @Override
    public Optional<Account> findByThumbprint(String endpoint, String thumbprint) {
        return sql.one("find an ACME account", SELECT + " WHERE endpoint = ? AND thumbprint = ?",
                JdbcAcmeAccounts::account, endpoint, thumbprint);
    }

    @Override
    public int countCreatedByAddress(String address, Instant since) {
        return sql.one("count ACME accounts", "SELECT COUNT(*) FROM acme_accounts WHERE client_address = ?"
                + " AND created_at >= ?", r -> r.getInt(1), address, since).orElse(0);
    }

    @Override
    public void recordAddress(String accountId, String address, Instant at) {
        sql.update("record an ACME account's address", "UPDATE acme_accounts SET client_address = ? WHERE id = ?",
                address, accountId);
    }

    private static Account account(ResultSet r) throws SQLException {
        String contacts = r.getString("contacts");
        return new Account(r.getString("id"), r.getString("endpoint"), r.getString("thumbprint"), r.getString("jwk"),
                Account.Status.valueOf(r.getString("status")),
                contacts.isEmpty() ? List.of() : List.of(contacts.split("\n")), r.getString("eab_key_id"),
                Sql.instant(r, "created_at"));
    }
}
