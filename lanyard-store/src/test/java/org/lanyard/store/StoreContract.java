package org.lanyard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Base of every contract suite: one fresh database per class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    private static final String[] TABLES = {"certificate_sans", "certificates", "profiles", "issuers",
        "operator_certificates", "api_tokens", "operator_roles", "operators", "role_permissions", "roles",
        "audit_events"};

    private final TestDatabase.Target target;
    private Optional<String> unavailable = Optional.empty();
    private TestDatabase testDatabase;
    protected Database database;

    StoreContract(TestDatabase.Target target) {
        this.target = target;
    }

    @BeforeAll
    void openDatabase() {
        unavailable = TestDatabase.unavailable(target);
        if (unavailable.isEmpty()) {
            testDatabase = TestDatabase.open(target);
            database = testDatabase.database();
        }
    }

    @AfterAll
    void closeDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable::get);
        execute(database, "UPDATE audit_head SET sequence_number = 0, hash = '" + "0".repeat(64) + "'");
        for (String table : TABLES) {
            execute(database, "DELETE FROM " + table);
        }
    }

    /** Plain SQL beside the stores, committed at once: what a tamperer or an operator could do. */
    static void execute(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
