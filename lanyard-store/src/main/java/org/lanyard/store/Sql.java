package org.lanyard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC with parameters and row mappers, on the current transaction. Instants are written
 * as UTC {@code TIMESTAMP WITH TIME ZONE}, truncated to the microseconds both databases keep.
 */
final class Sql {

    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final JdbcTransactions tx;

    Sql(JdbcTransactions tx) {
        this.tx = tx;
    }

    <T> T with(String what, JdbcTransactions.Work<T> work) {
        return tx.withConnection(what, work);
    }

    int update(String what, String sql, Object... params) {
        return with(what, c -> update(c, sql, params));
    }

    <T> List<T> list(String what, String sql, Row<T> row, Object... params) {
        return with(what, c -> list(c, sql, row, params));
    }

    <T> Optional<T> one(String what, String sql, Row<T> row, Object... params) {
        return list(what, sql, row, params).stream().findFirst();
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(row.map(rows));
                }
                return out;
            }
        }
    }

    static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Instant instant) {
                value = timestamp(instant);
            } else if (value instanceof Enum<?> e) {
                value = e.name();
            }
            statement.setObject(i + 1, value);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** {@code text} as a LIKE pattern matching it anywhere, lower case, with wildcards escaped. */
    static String contains(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
