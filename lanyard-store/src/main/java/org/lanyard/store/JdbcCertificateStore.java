package org.lanyard.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.revocation.CertificateStatusUpdate;

/**
 * Certificates in {@code certificates}, their SANs in {@code certificate_sans} (one row per
 * name, lower-cased and indexed). Serials are stored as lower-case hex, the primary key.
 */
final class JdbcCertificateStore implements CertificateStore, CertificateStatusUpdate {

    private static final String COLUMNS = "serial, issuer_id, profile_id, status, subject, not_before, not_after,"
            + " key_algorithm, requested_by, created_at, der, failure_reason, tbs_hash";

    private final Sql sql;

    JdbcCertificateStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Inserts under a savepoint, so a serial collision leaves the surrounding transaction usable
     * (PostgreSQL would otherwise abort it) and the caller can draw another serial.
     */
    @Override
    public void reserve(CertificateRecord r) {
        sql.with("reserve a serial", c -> {
            Savepoint savepoint = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO certificates (" + COLUMNS + ", subject_lower)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Serials.hex(r.serial()), r.issuerId(), r.profileId(), r.status(), r.subject(),
                        r.notBefore(), r.notAfter(), r.keyAlgorithm(), r.requestedBy(), r.createdAt(), r.der(),
                        r.failureReason(), r.tbsHash(), lower(r.subject()));
                insertSans(c, r);
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState()) && exists(c, r.serial())) {
                    throw new SerialInUseException(r.serial());
                }
                throw e;
            }
            c.releaseSavepoint(savepoint);
            return null;
        });
    }

    @Override
    public Optional<String> tbsHash(BigInteger serial) {
        return sql.with("read the TBS hash", c -> Sql.list(c, "SELECT tbs_hash FROM certificates WHERE serial = ?",
                r -> Optional.ofNullable(r.getString("tbs_hash")), Serials.hex(serial)).stream().findFirst()
                .flatMap(h -> h));
    }

    @Override
    public void complete(CertificateRecord r) {
        int rows = sql.update("complete a certificate", "UPDATE certificates SET status = ?, not_before = ?,"
                + " not_after = ?, der = ?, failure_reason = NULL WHERE serial = ?",
                r.status(), r.notBefore(), r.notAfter(), r.der(), Serials.hex(r.serial()));
        requireOne(rows, r.serial());
    }

    @Override
    public void fail(BigInteger serial, String reason) {
        int rows = sql.update("mark a certificate failed",
                "UPDATE certificates SET status = ?, failure_reason = ? WHERE serial = ?",
                CertificateStatus.FAILED, reason, Serials.hex(serial));
        requireOne(rows, serial);
    }

    @Override
    public boolean setStatus(BigInteger serial, CertificateStatus expected, CertificateStatus status) {
        return sql.update("change a certificate's status", "UPDATE certificates SET status = ? WHERE serial = ?"
                + " AND status = ?", status, Serials.hex(serial), expected) == 1;
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return sql.with("find a certificate", c -> read(c, "SELECT " + COLUMNS + " FROM certificates"
                + " WHERE serial = ?", Serials.hex(serial)).stream().findFirst());
    }

    @Override
    public Optional<IssuerAndStatus> status(BigInteger serial) {
        return sql.with("look up a certificate's status", c -> Sql.list(c,
                "SELECT issuer_id, status FROM certificates WHERE serial = ?", r -> new IssuerAndStatus(
                        r.getString("issuer_id"), CertificateStatus.valueOf(r.getString("status"))),
                Serials.hex(serial)).stream().findFirst());
    }

    /** Subject and SAN match a lower-cased substring; newest first, then by serial. */
    @Override
    public Page<CertificateRecord> search(CertificateQuery q) {
        Where where = new Where()
                .and("subject_lower LIKE ? ESCAPE '\\'", q.subject() == null ? null : Sql.contains(q.subject()))
                .and("serial IN (SELECT s.serial FROM certificate_sans s WHERE s.value_lower LIKE ? ESCAPE '\\')",
                        q.san() == null ? null : Sql.contains(q.san()))
                .and("profile_id = ?", q.profileId())
                .and("issuer_id = ?", q.issuerId())
                .and("status = ?", q.status())
                .and("not_after >= ?", q.expiresAfter())
                .and("not_after < ?", q.expiresBefore());
        PageRequest page = q.page();
        return sql.with("search certificates", c -> {
            long total = Sql.list(c, "SELECT COUNT(*) FROM certificates" + where.sql(), r -> r.getLong(1),
                    where.params()).get(0);
            List<CertificateRecord> items = read(c, "SELECT " + COLUMNS + " FROM certificates" + where.sql()
                    + " ORDER BY created_at DESC, serial DESC LIMIT ? OFFSET ?",
                    where.params(page.size(), page.offset()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private void insertSans(Connection c, CertificateRecord r) throws SQLException {
        int position = 0;
        for (SubjectAltName san : r.subjectAltNames()) {
            Sql.update(c, "INSERT INTO certificate_sans (serial, position, san_type, san_value, value_lower)"
                    + " VALUES (?, ?, ?, ?, ?)", Serials.hex(r.serial()), position++, san.type(), san.value(),
                    lower(san.value()));
        }
    }

    private static List<CertificateRecord> read(Connection c, String query, Object... params) throws SQLException {
        List<Row> rows = Sql.list(c, query, JdbcCertificateStore::row, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<SubjectAltName>> sans = new LinkedHashMap<>();
        rows.forEach(row -> sans.put(row.serial, new ArrayList<>()));
        String marks = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        Sql.list(c, "SELECT serial, san_type, san_value FROM certificate_sans WHERE serial IN (" + marks + ")"
                + " ORDER BY serial, position", s -> {
                    sans.get(s.getString("serial")).add(new SubjectAltName(SanType.valueOf(s.getString("san_type")),
                            s.getString("san_value")));
                    return null;
                }, sans.keySet().toArray());
        return rows.stream().map(row -> row.record(sans.get(row.serial))).toList();
    }

    /** A certificates row before its SANs are attached. */
    private record Row(String serial, CertificateRecord partial) {
        CertificateRecord record(List<SubjectAltName> sans) {
            CertificateRecord p = partial;
            return new CertificateRecord(p.serial(), p.issuerId(), p.profileId(), p.status(), p.subject(), sans,
                    p.notBefore(), p.notAfter(), p.keyAlgorithm(), p.requestedBy(), p.createdAt(), p.der(),
                    p.failureReason(), p.tbsHash());
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        String serial = r.getString("serial");
        return new Row(serial, new CertificateRecord(new BigInteger(serial, 16), r.getString("issuer_id"),
                r.getString("profile_id"), CertificateStatus.valueOf(r.getString("status")), r.getString("subject"),
                List.of(), Sql.instant(r, "not_before"), Sql.instant(r, "not_after"), r.getString("key_algorithm"),
                r.getString("requested_by"), Sql.instant(r, "created_at"), r.getBytes("der"),
                r.getString("failure_reason"), r.getString("tbs_hash")));
    }

    private static boolean exists(Connection c, BigInteger serial) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM certificates WHERE serial = ?", r -> 1, Serials.hex(serial)).isEmpty();
    }

    private static void requireOne(int rows, BigInteger serial) {
        if (rows != 1) {
            throw LanyardException.notFound("certificate-unknown", "no certificate with serial " + Serials.hex(serial));
        }
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
