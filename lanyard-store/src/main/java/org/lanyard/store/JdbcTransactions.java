package org.lanyard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.lanyard.core.tx.Transactions;

/**
 * Transactions on a thread-bound connection. The outermost {@link #inTransaction} takes a
 * connection, commits when the work returns and rolls back on any throwable; nested calls join
 * it. A store call made outside any transaction runs in a transaction of its own.
 *
 * <p>A failure inside a joined call propagates to the outer work; if that work catches it and
 * goes on, what was written so far still commits. On PostgreSQL a failed statement aborts the
 * whole transaction, so only catch failures the store itself contains (a serial collision is
 * rolled back to a savepoint, see {@link JdbcCertificateStore#reserve}).
 */
final class JdbcTransactions implements Transactions {

    /** Work on a connection; any {@link SQLException} becomes a {@code store-failed} error. */
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection connection = begin();
        current.set(connection);
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw StoreFailure.of("commit", e);
        } catch (Throwable t) {
            rollback(connection, t);
            throw t;
        } finally {
            current.remove();
            close(connection);
        }
    }

    /** Runs {@code work} on this thread's transaction, or in a transaction of its own. */
    <T> T withConnection(String what, Work<T> work) {
        Connection connection = current.get();
        if (connection == null) {
            return inTransaction(() -> withConnection(what, work));
        }
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw StoreFailure.of(what, e);
        }
    }

    private Connection begin() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                return connection;
            } catch (SQLException e) {
                close(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreFailure.of("begin a transaction", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool discards a connection it cannot close; nothing is lost
        }
    }
}
