package org.lanyard.store;

import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/** The one error the store raises for a database failure: INTERNAL, code {@code store-failed}. */
final class StoreFailure {

    static final String CODE = "store-failed";

    /** SQLSTATE of a unique constraint violation (H2 and PostgreSQL alike). */
    static final String UNIQUE_VIOLATION = "23505";

    private StoreFailure() {
    }

    static LanyardException of(String what, Exception cause) {
        String state = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
        return new LanyardException(ErrorKind.INTERNAL, CODE, "the store failed to " + what + state, Map.of(),
                cause);
    }
}
