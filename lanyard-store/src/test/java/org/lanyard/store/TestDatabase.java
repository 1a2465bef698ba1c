package org.lanyard.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A fresh database for one test class: an H2 file in a temporary directory, or a new database
 * (random name) on the PostgreSQL named by {@code LANYARD_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (see scripts/test-postgres). Without that variable the PostgreSQL suites are
 * skipped, except under {@code CI=true}, where they fail.
 */
final class TestDatabase implements AutoCloseable {

    enum Target { H2, POSTGRES }

    private final Database database;
    private final Runnable cleanup;

    private TestDatabase(Database database, Runnable cleanup) {
        this.database = database;
        this.cleanup = cleanup;
    }

    static TestDatabase open(Target target) {
        return target == Target.H2 ? h2() : postgres();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        cleanup.run();
    }

    private static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("lanyard-store-test-");
            return new TestDatabase(Database.open(Database.h2File(dir), "sa", ""), () -> delete(dir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why the PostgreSQL suites cannot run here, or empty when they can.
     *
     * @throws org.opentest4j.AssertionFailedError under {@code CI=true}, where they must run
     */
    static Optional<String> unavailable(Target target) {
        String url = System.getenv("LANYARD_TEST_PG_URL");
        if (target == Target.H2 || (url != null && !url.isBlank())) {
            return Optional.empty();
        }
        String why = "LANYARD_TEST_PG_URL is not set; run eval \"$(scripts/test-postgres start)\"";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true: PostgreSQL tests must run)");
        }
        return Optional.of(why);
    }

    private static TestDatabase postgres() {
        String url = System.getenv("LANYARD_TEST_PG_URL");
        String user = System.getenv().getOrDefault("LANYARD_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("LANYARD_TEST_PG_PASSWORD", "");
        String name = "lanyard_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin(url, user, password, "CREATE DATABASE " + name);
        Database database = Database.open(withDatabase(url, name), user, password, 4);
        return new TestDatabase(database, () -> admin(url, user, password, "DROP DATABASE IF EXISTS " + name));
    }

    /** {@code jdbc:postgresql://host:port/db?params} with {@code db} replaced. */
    static String withDatabase(String url, String name) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash < 0 ? 0 : slash);
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : url.substring(query));
    }

    private static void admin(String url, String user, String password, String statement) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed on " + url, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
