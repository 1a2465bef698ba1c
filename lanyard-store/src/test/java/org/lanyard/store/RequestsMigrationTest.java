package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;

/**
 * V5 and V6 on an installation made before them: profiles keep issuing at once
 * ({@code approvals_required} 0) and the built-in roles gain the request and metrics permissions
 * that {@code BuiltinRoles} gives new ones; custom roles gain nothing.
 */
class RequestsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void existingProfilesNeedNoApprovalAndBuiltinRolesMayReadAndApprove() throws Exception {
        String url = Database.h2File(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String role : new String[] {"system-owner", "system-administrator", "elevated", "normal", "restricted",
                "auditor"}) {
                s.execute("INSERT INTO roles (id, name, description, builtin) VALUES ('" + role + "', '" + role
                        + "', '', " + !role.equals("auditor") + ")");
            }
            s.execute("INSERT INTO role_permissions (role_id, permission) VALUES ('normal', 'CERTIFICATE_ISSUE')");
            s.execute("INSERT INTO role_permissions (role_id, permission) VALUES ('system-owner', 'REQUEST_READ')");
            s.execute("INSERT INTO profiles (id, name, description, allowed_keys, validity, key_usage,"
                    + " extended_key_usage, subject_template, allowed_san_types, allowed_dns_names, san_required,"
                    + " max_sans, crl_distribution_points, server_key_generation) VALUES ('old', 'Old', '', 'EC_P256',"
                    + " 'P90D', '', '', '', 'DNS', '*', FALSE, 1, '', FALSE)");
        }

        try (Database database = Database.open(url, "sa", "")) {
            assertThat(database.profiles().find("old").orElseThrow().approvalsRequired()).isZero();
            assertThat(permissions(database, "system-owner")).contains(Permission.REQUEST_READ,
                    Permission.REQUEST_APPROVE);
            assertThat(permissions(database, "system-administrator")).contains(Permission.REQUEST_READ,
                    Permission.REQUEST_APPROVE);
            assertThat(permissions(database, "normal")).containsExactlyInAnyOrder(Permission.CERTIFICATE_ISSUE,
                    Permission.REQUEST_READ, Permission.REQUEST_APPROVE);
            // V6: METRICS_READ for the owner, the administrators and Elevated
            assertThat(permissions(database, "elevated")).containsExactlyInAnyOrder(Permission.REQUEST_READ,
                    Permission.METRICS_READ);
            assertThat(permissions(database, "system-owner")).contains(Permission.METRICS_READ);
            assertThat(permissions(database, "system-administrator")).contains(Permission.METRICS_READ);
            assertThat(permissions(database, "restricted")).isEmpty();
            assertThat(permissions(database, "auditor")).isEmpty();
        }
    }

    private static java.util.Set<Permission> permissions(Database database, String role) {
        return database.operators().findRole(role).map(Role::permissions).orElseThrow();
    }
}
