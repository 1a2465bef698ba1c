package org.lanyard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.AcmeEndpoints;

/** Configured ACME endpoints in {@code acme_endpoints}. */
final class JdbcAcmeEndpoints implements AcmeEndpoints {

    private static final String SELECT = "SELECT name, profiles, external_account_required, dns_names FROM acme_endpoints";

    private final Sql sql;

    JdbcAcmeEndpoints(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(AcmeEndpoint e) {
        sql.with("save an ACME endpoint", c -> {
            Object[] values = {lines(e.profiles()), e.externalAccountRequired(), lines(e.dnsNames()), e.name()};
            if (Sql.update(c, "UPDATE acme_endpoints SET profiles = ?, external_account_required = ?, dns_names = ?"
                    + " WHERE name = ?", values) == 0) {
                Sql.update(c, "INSERT INTO acme_endpoints (profiles, external_account_required, dns_names, name)"
                        + " VALUES (?, ?, ?, ?)", values);
            }
            return null;
        });
    }

    @Override
    public Optional<AcmeEndpoint> find(String name) {
        return sql.one("find an ACME endpoint", SELECT + " WHERE name = ?", JdbcAcmeEndpoints::endpoint, name);
    }

    @Override
    public List<AcmeEndpoint> list() {
        return sql.list("list ACME endpoints", SELECT + " ORDER BY name", JdbcAcmeEndpoints::endpoint);
    }

    private static AcmeEndpoint endpoint(ResultSet r) throws SQLException {
        return new AcmeEndpoint(r.getString("name"), items(r.getString("profiles")),
                r.getBoolean("external_account_required"), items(r.getString("dns_names")));
    }

    static String lines(List<String> items) {
        for (String item : items) {
            if (item.isEmpty() || item.contains("\n") || item.contains("\r")) {
                throw org.lanyard.core.LanyardException.invalid("acme-value-invalid",
                        "list values must be non-empty and on one line");
            }
        }
        return String.join("\n", items);
    }

    static List<String> items(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
