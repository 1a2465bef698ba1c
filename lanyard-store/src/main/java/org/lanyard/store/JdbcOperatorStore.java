package org.lanyard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lanyard.core.operator.ApiToken;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;

/**
 * Operators, their role assignments ({@code operator_roles}), roles with their permissions
 * ({@code role_permissions}), API tokens and bound client certificates.
 */
final class JdbcOperatorStore implements OperatorStore {

    private static final String OPERATOR = "SELECT id, name, email, enabled, created_at FROM operators";
    private static final String ROLE = "SELECT id, name, description, builtin FROM roles";
    private static final String TOKEN = "SELECT id, operator_id, name, secret_hash, created_at, expires_at, revoked"
            + " FROM api_tokens";

    private final Sql sql;

    JdbcOperatorStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void saveOperator(Operator o) {
        sql.with("save an operator", c -> {
            if (Sql.update(c, "UPDATE operators SET name = ?, email = ?, enabled = ? WHERE id = ?",
                    o.name(), o.email(), o.enabled(), o.id()) == 0) {
                Sql.update(c, "INSERT INTO operators (id, name, email, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
                        o.id(), o.name(), o.email(), o.enabled(), o.createdAt());
            }
            Sql.update(c, "DELETE FROM operator_roles WHERE operator_id = ?", o.id());
            for (String role : o.roleIds()) {
                Sql.update(c, "INSERT INTO operator_roles (operator_id, role_id) VALUES (?, ?)", o.id(), role);
            }
            return null;
        });
    }

    @Override
    public Optional<Operator> findOperator(String id) {
        return operators("find an operator", OPERATOR + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Operator> findOperatorByName(String name) {
        return operators("find an operator", OPERATOR + " WHERE name = ?", name).stream().findFirst();
    }

    /** By name. */
    @Override
    public List<Operator> listOperators() {
        return operators("list operators", OPERATOR + " ORDER BY name");
    }

    @Override
    public void saveRole(Role role) {
        sql.with("save a role", c -> {
            if (Sql.update(c, "UPDATE roles SET name = ?, description = ?, builtin = ? WHERE id = ?",
                    role.name(), role.description(), role.builtin(), role.id()) == 0) {
                Sql.update(c, "INSERT INTO roles (id, name, description, builtin) VALUES (?, ?, ?, ?)",
                        role.id(), role.name(), role.description(), role.builtin());
            }
            Sql.update(c, "DELETE FROM role_permissions WHERE role_id = ?", role.id());
            for (Permission permission : role.permissions()) {
                Sql.update(c, "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)", role.id(),
                        permission);
            }
            return null;
        });
    }

    @Override
    public Optional<Role> findRole(String id) {
        return roles("find a role", ROLE + " WHERE id = ?", id).stream().findFirst();
    }

    /** By id. */
    @Override
    public List<Role> listRoles() {
        return roles("list roles", ROLE + " ORDER BY id");
    }

    /** Deletes the role, its permissions and every assignment of it to an operator. */
    @Override
    public void deleteRole(String id) {
        sql.with("delete a role", c -> {
            Sql.update(c, "DELETE FROM operator_roles WHERE role_id = ?", id);
            Sql.update(c, "DELETE FROM role_permissions WHERE role_id = ?", id);
            return Sql.update(c, "DELETE FROM roles WHERE id = ?", id);
        });
    }

    @Override
    public void saveToken(ApiToken t) {
        sql.with("save an API token", c -> {
            if (Sql.update(c, "UPDATE api_tokens SET operator_id = ?, name = ?, secret_hash = ?, expires_at = ?,"
                    + " revoked = ? WHERE id = ?", t.operatorId(), t.name(), t.secretHash(), t.expiresAt(),
                    t.revoked(), t.id()) == 0) {
                Sql.update(c, "INSERT INTO api_tokens (id, operator_id, name, secret_hash, created_at, expires_at,"
                        + " revoked) VALUES (?, ?, ?, ?, ?, ?, ?)", t.id(), t.operatorId(), t.name(), t.secretHash(),
                        t.createdAt(), t.expiresAt(), t.revoked());
            }
            return null;
        });
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String secretHash) {
        return sql.one("find an API token", TOKEN + " WHERE secret_hash = ?", JdbcOperatorStore::token, secretHash);
    }

    /** Oldest first. */
    @Override
    public List<ApiToken> listTokens(String operatorId) {
        return sql.list("list API tokens", TOKEN + " WHERE operator_id = ? ORDER BY created_at, id",
                JdbcOperatorStore::token, operatorId);
    }

    @Override
    public void bindCertificate(String operatorId, String fingerprint, String subject) {
        sql.update("bind an operator certificate", "INSERT INTO operator_certificates (fingerprint, operator_id,"
                + " subject) VALUES (?, ?, ?)", fingerprint, operatorId, subject);
    }

    @Override
    public Optional<Operator> findOperatorByCertificate(String fingerprint) {
        return operators("find an operator", OPERATOR + " WHERE id = (SELECT operator_id FROM operator_certificates"
                + " WHERE fingerprint = ?)", fingerprint).stream().findFirst();
    }

    private List<Operator> operators(String what, String query, Object... params) {
        return sql.with(what, c -> {
            List<Operator> bare = Sql.list(c, query, JdbcOperatorStore::operator, params);
            List<Operator> out = new java.util.ArrayList<>();
            for (Operator o : bare) {
                out.add(new Operator(o.id(), o.name(), o.email(), roleIds(c, o.id()), o.enabled(), o.createdAt()));
            }
            return out;
        });
    }

    private static Set<String> roleIds(Connection c, String operatorId) throws SQLException {
        return new HashSet<>(Sql.list(c, "SELECT role_id FROM operator_roles WHERE operator_id = ?",
                r -> r.getString(1), operatorId));
    }

    private List<Role> roles(String what, String query, Object... params) {
        return sql.with(what, c -> {
            List<Role> out = new java.util.ArrayList<>();
            for (Role bare : Sql.list(c, query, JdbcOperatorStore::role, params)) {
                Set<Permission> permissions = EnumSet.noneOf(Permission.class);
                Sql.list(c, "SELECT permission FROM role_permissions WHERE role_id = ?",
                        r -> permissions.add(Permission.valueOf(r.getString(1))), bare.id());
                out.add(new Role(bare.id(), bare.name(), bare.description(), permissions, bare.builtin()));
            }
            return out;
        });
    }

    private static Operator operator(ResultSet r) throws SQLException {
        return new Operator(r.getString("id"), r.getString("name"), r.getString("email"), Set.of(),
                r.getBoolean("enabled"), Sql.instant(r, "created_at"));
    }

    private static Role role(ResultSet r) throws SQLException {
        return new Role(r.getString("id"), r.getString("name"), r.getString("description"), Set.of(),
                r.getBoolean("builtin"));
    }

    private static ApiToken token(ResultSet r) throws SQLException {
        Instant expires = Sql.instant(r, "expires_at");
        return new ApiToken(r.getString("id"), r.getString("operator_id"), r.getString("name"),
                r.getString("secret_hash"), Sql.instant(r, "created_at"), expires, r.getBoolean("revoked"));
    }
}
