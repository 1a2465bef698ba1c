package org.lanyard.store;

import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.Pem;

/** Issuers in {@code issuers}; the chain is kept as PEM text, own certificate first. */
final class JdbcIssuerStore implements IssuerStore {

    private static final String SELECT = "SELECT id, name, chain_pem, key_alias, default_issuer, created_at FROM issuers";

    private final Sql sql;

    JdbcIssuerStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Issuer issuer) {
        sql.with("save an issuer", c -> {
            if (issuer.defaultIssuer()) {
                Sql.update(c, "UPDATE issuers SET default_issuer = FALSE WHERE id <> ? AND default_issuer = TRUE",
                        issuer.id());
            }
            Object[] values = {issuer.name(), Pem.certificates(issuer.chain()), issuer.keyAlias(),
                issuer.defaultIssuer(), issuer.id()};
            if (Sql.update(c, "UPDATE issuers SET name = ?, chain_pem = ?, key_alias = ?, default_issuer = ?"
                    + " WHERE id = ?", values) == 0) {
                Sql.update(c, "INSERT INTO issuers (name, chain_pem, key_alias, default_issuer, id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", issuer.name(), Pem.certificates(issuer.chain()),
                        issuer.keyAlias(), issuer.defaultIssuer(), issuer.id(), issuer.createdAt());
            }
            return null;
        });
    }

    @Override
    public Optional<Issuer> find(String id) {
        return sql.one("find an issuer", SELECT + " WHERE id = ?", JdbcIssuerStore::issuer, id);
    }

    /** Oldest first. */
    @Override
    public List<Issuer> list() {
        return sql.list("list issuers", SELECT + " ORDER BY created_at, id", JdbcIssuerStore::issuer);
    }

    /** Parsed chains by their PEM text: every issuance looks its issuer up, parsing is the costly part. */
    private static final Map<String, List<X509Certificate>> PARSED = new ConcurrentHashMap<>();

    private static List<X509Certificate> chain(String pem) {
        if (PARSED.size() > 256) {
            PARSED.clear(); // issuers are few; this only bounds the cache
        }
        return PARSED.computeIfAbsent(pem, Pem::parseCertificates);
    }

    private static Issuer issuer(ResultSet r) throws SQLException {
        return new Issuer(r.getString("id"), r.getString("name"), chain(r.getString("chain_pem")),
                r.getString("key_alias"), r.getBoolean("default_issuer"), Sql.instant(r, "created_at"));
    }
}
