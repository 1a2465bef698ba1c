package org.lanyard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.lanyard.core.acme.AcmeEabKeys;
import org.lanyard.core.acme.EabKey;

/** EAB keys in {@code acme_eab_keys}; profile and DNS pattern lists are newline-separated. */
final class JdbcAcmeEabKeys implements AcmeEabKeys {

    private static final String SELECT = "SELECT id, endpoint, hmac_key, profiles, dns_names, account_id, created_by,"
            + " created_at FROM acme_eab_keys";

    private final Sql sql;

    JdbcAcmeEabKeys(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(EabKey k) {
        sql.update("create an EAB key", "INSERT INTO acme_eab_keys (id, endpoint, hmac_key, profiles, dns_names,"
                + " account_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", k.id(), k.endpoint(),
                k.hmacKey(), JdbcAcmeEndpoints.lines(k.profiles()), JdbcAcmeEndpoints.lines(k.dnsNames()), k.accountId(),
                k.createdBy(), k.createdAt());
    }

    @Override
    public Optional<EabKey> find(String id) {
        return sql.one("find an EAB key", SELECT + " WHERE id = ?", JdbcAcmeEabKeys::key, id);
    }

    @Override
    public List<EabKey> list(String endpoint) {
        return sql.list("list EAB keys", SELECT + (endpoint == null ? " WHERE 1 = ?" : " WHERE endpoint = ?")
                + " ORDER BY created_at, id", JdbcAcmeEabKeys::key, endpoint == null ? (Object) 1 : endpoint);
    }

    @Override
    public boolean bind(String keyId, String accountId) {
        return sql.update("bind an EAB key", "UPDATE acme_eab_keys SET account_id = ? WHERE id = ? AND account_id IS NULL",
                accountId, keyId) == 1;
    }

    private static EabKey key(ResultSet r) throws SQLException {
        return new EabKey(r.getString("id"), r.getString("endpoint"), r.getBytes("hmac_key"),
                JdbcAcmeEndpoints.items(r.getString("profiles")), JdbcAcmeEndpoints.items(r.getString("dns_names")),
                r.getString("account_id"), r.getString("created_by"), Sql.instant(r, "created_at"));
    }
}
