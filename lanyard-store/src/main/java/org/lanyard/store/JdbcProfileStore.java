package org.lanyard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.ca.SanType;

/**
 * Profiles in {@code profiles}, one column per field. Lists are newline-separated text (sets
 * sorted), which no enum name, DNS pattern or URL contains; validity is an ISO-8601 duration.
 */
final class JdbcProfileStore implements ProfileStore {

    private static final String FIELDS = "name, description, allowed_keys, validity, key_usage, extended_key_usage,"
            + " subject_template, allowed_san_types, allowed_dns_names, san_required, max_sans,"
            + " crl_distribution_points, ca_issuers_url, ocsp_url, server_key_generation, issuer_id, approvals_required";

    private final Sql sql;

    JdbcProfileStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(CertificateProfile p) {
        Object[] values = {p.name(), p.description(), lines(p.allowedKeys()), p.validity().toString(),
            lines(p.keyUsage()), lines(p.extendedKeyUsage()), p.subjectTemplate(), lines(p.allowedSanTypes()),
            lines(p.allowedDnsNames()), p.sanRequired(), p.maxSans(), lines(p.crlDistributionPoints()),
            p.caIssuersUrl(), p.ocspUrl(), p.serverKeyGeneration(), p.issuerId(), p.approvalsRequired(), p.id()};
        sql.with("save a profile", c -> {
            String assignments = FIELDS.replace(",", " = ?,") + " = ?";
            if (Sql.update(c, "UPDATE profiles SET " + assignments + " WHERE id = ?", values) == 0) {
                Sql.update(c, "INSERT INTO profiles (" + FIELDS + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)", values);
            }
            return null;
        });
    }

    @Override
    public Optional<CertificateProfile> find(String id) {
        return sql.one("find a profile", "SELECT id, " + FIELDS + " FROM profiles WHERE id = ?",
                JdbcProfileStore::profile, id);
    }

    /** By id. */
    @Override
    public List<CertificateProfile> list() {
        return sql.list("list profiles", "SELECT id, " + FIELDS + " FROM profiles ORDER BY id",
                JdbcProfileStore::profile);
    }

    private static CertificateProfile profile(ResultSet r) throws SQLException {
        return new CertificateProfile(r.getString("id"), r.getString("name"), r.getString("description"),
                set(r, "allowed_keys", KeyAlgorithm::valueOf), Duration.parse(r.getString("validity")),
                set(r, "key_usage", KeyUsageBit::valueOf), items(r, "extended_key_usage", ExtendedKeyUsage::valueOf),
                r.getString("subject_template"), set(r, "allowed_san_types", SanType::valueOf),
                items(r, "allowed_dns_names", s -> s), r.getBoolean("san_required"), r.getInt("max_sans"),
                items(r, "crl_distribution_points", s -> s), r.getString("ca_issuers_url"), r.getString("ocsp_url"),
                r.getBoolean("server_key_generation"), r.getString("issuer_id"), r.getInt("approvals_required"));
    }

    private static String lines(Collection<?> values) {
        var text = values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString());
        List<String> items = (values instanceof java.util.Set ? text.sorted() : text).toList();
        for (String item : items) {
            if (item.isEmpty() || item.contains("\n") || item.contains("\r")) {
                throw LanyardException.invalid("profile-value-invalid",
                        "profile list values must be non-empty and on one line: '" + item + "'");
            }
        }
        return String.join("\n", items);
    }

    private static <T> List<T> items(ResultSet r, String column, Function<String, T> parse) throws SQLException {
        String text = r.getString(column);
        return text == null || text.isEmpty() ? List.of() : text.lines().map(parse).toList();
    }

    private static <T> java.util.Set<T> set(ResultSet r, String column, Function<String, T> parse)
            throws SQLException {
        return items(r, column, parse).stream().collect(Collectors.toSet());
    }
}
