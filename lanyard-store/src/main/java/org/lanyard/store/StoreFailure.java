package org.lanyard.store;

import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * The one error the store raises for a database failure: INTERNAL, code {@code store-failed}; or,
 * when the driver or pool calls it transient (no connection in time), UNAVAILABLE, code
 * {@code store-unavailable}, which the edges answer with 503.
 */
final class StoreFailure {

    static final String CODE = "store-failed";
    static final String UNAVAILABLE = "store-unavailable";

    /** SQLSTATE of a unique constraint violation (H2 and PostgreSQL alike). */
    static final String UNIQUE_VIOLATION = "23505";

    private StoreFailure() {
    }

    static LanyardException of(String what, Exception cause) {
        String state = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
        if (cause instanceof java.sql.SQLTransientException) {
            return new LanyardException(ErrorKind.UNAVAILABLE, UNAVAILABLE, "the store failed to " + what + state,
                    Map.of(), cause);
        }
        return new LanyardException(ErrorKind.INTERNAL, CODE, "the store failed to " + what + state, Map.of(),
                cause);
    }
}
