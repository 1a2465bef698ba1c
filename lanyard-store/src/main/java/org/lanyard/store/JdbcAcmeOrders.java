package org.lanyard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lanyard.core.acme.AcmeOrders;
import org.lanyard.core.acme.Authorization;
import org.lanyard.core.acme.Identifier;
import org.lanyard.core.acme.Order;
import org.lanyard.core.acme.PlaceOrder;

/**
 * Orders ({@code acme_orders}) and their authorizations ({@code acme_authorizations}). Every
 * status change is {@code UPDATE … WHERE status = ?}: the row count says whether this request
 * won, so two nodes finalizing one order cannot both issue.
 */
final class JdbcAcmeOrders implements AcmeOrders {

    private static final String ORDER = "SELECT id, account_id, endpoint, status, identifiers, profile, expires,"
            + " error_type, error_detail, certificate_serial, replaces, created_at FROM acme_orders";
    private static final String AUTHZ = "SELECT id, order_id, account_id, identifier_type, identifier_value, status,"
            + " token, expires, attempted, validated_at, error_type, error_detail FROM acme_authorizations";

    private final Sql sql;

    JdbcAcmeOrders(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Order o, List<Authorization> authorizations) {
        sql.with("create an ACME order", c -> {
            Sql.update(c, "INSERT INTO acme_orders (id, account_id, endpoint, status, identifiers, profile, expires,"
                    + " error_type, error_detail, certificate_serial, replaces, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", o.id(), o.accountId(), o.endpoint(), o.status(),
                    identifiers(o.identifiers()), o.profile(), o.expires(), o.errorType(), o.errorDetail(),
                    o.certificateSerial(), o.replaces(), o.createdAt(), o.createdAt());
            int position = 0;
            for (Authorization a : authorizations) {
                Sql.update(c, "INSERT INTO acme_authorizations (id, order_id, account_id, position, identifier_type,"
                        + " identifier_value, registered_domain, status, token, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)", a.id(), a.orderId(), a.accountId(), position++, a.identifier().type(),
                        a.identifier().value(), PlaceOrder.registeredDomain(a.identifier().domain()), a.status(),
                        a.token(), a.expires());
            }
            return null;
        });
    }

    @Override
    public Optional<Order> find(String id) {
        return sql.one("find an ACME order", ORDER + " WHERE id = ?", JdbcAcmeOrders::order, id);
    }

    @Override
    public List<Authorization> authorizations(String orderId) {
        return sql.list("list ACME authorizations", AUTHZ + " WHERE order_id = ? ORDER BY position",
                JdbcAcmeOrders::authorization, orderId);
    }

    @Override
    public Optional<Authorization> findAuthorization(String id) {
        return sql.one("find an ACME authorization", AUTHZ + " WHERE id = ?", JdbcAcmeOrders::authorization, id);
    }

    @Override
    public boolean transition(String orderId, Order.Status from, Order.Status to, String serial, String errorType,
            String errorDetail, Instant at) {
        return sql.update("change an ACME order", "UPDATE acme_orders SET status = ?,"
                + " certificate_serial = COALESCE(?, certificate_serial), error_type = ?, error_detail = ?, updated_at = ?"
                + " WHERE id = ? AND status = ?", to, serial, errorType, errorDetail, at, orderId, from) == 1;
    }

    @Override
    public boolean finish(Authorization a, Authorization.Status from) {
        return sql.update("change an ACME authorization", "UPDATE acme_authorizations SET status = ?, attempted = ?,"
                + " validated_at = ?, error_type = ?, error_detail = ? WHERE id = ? AND status = ?", a.status(),
                a.attempted(), a.validatedAt(), a.errorType(), a.errorDetail(), a.id(), from) == 1;
    }

    @Override
    public List<Order> byAccount(String accountId, int limit) {
        return sql.list("list ACME orders", ORDER + " WHERE account_id = ? ORDER BY created_at DESC, id"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", JdbcAcmeOrders::order, accountId);
    }

    @Override
    public int countOrdersSince(String accountId, Instant since) {
        return sql.one("count ACME orders", "SELECT COUNT(*) FROM acme_orders WHERE account_id = ? AND created_at >= ?",
                r -> r.getInt(1), accountId, since).orElse(0);
    }

    @Override
    public int countIssuedForDomainSince(String domain, Instant since) {
        return sql.one("count ACME certificates", "SELECT COUNT(DISTINCT o.id) FROM acme_authorizations a"
                + " JOIN acme_orders o ON o.id = a.order_id WHERE a.registered_domain = ? AND o.status = 'VALID'"
                + " AND o.updated_at >= ?", r -> r.getInt(1), domain, since).orElse(0);
    }

    @Override
    public Optional<Order> findByCertificate(String serialHex) {
        return sql.one("find an ACME order", ORDER + " WHERE certificate_serial = ?", JdbcAcmeOrders::order, serialHex);
    }

    private static String identifiers(List<Identifier> ids) {
        List<String> lines = new ArrayList<>();
        ids.forEach(i -> lines.add(i.type() + ":" + i.value()));
        return String.join("\n", lines);
    }

    private static Order order(ResultSet r) throws SQLException {
        List<Identifier> ids = new ArrayList<>();
        for (String line : r.getString("identifiers").split("\n")) {
            int colon = line.indexOf(':');
            ids.add(new Identifier(line.substring(0, colon), line.substring(colon + 1)));
        }
        return new Order(r.getString("id"), r.getString("account_id"), r.getString("endpoint"),
                Order.Status.valueOf(r.getString("status")), ids, r.getString("profile"), Sql.instant(r, "expires"),
                r.getString("error_type"), r.getString("error_detail"), r.getString("certificate_serial"),
                r.getString("replaces"), Sql.instant(r, "created_at"));
    }

    private static Authorization authorization(ResultSet r) throws SQLException {
        return new Authorization(r.getString("id"), r.getString("order_id"), r.getString("account_id"),
                new Identifier(r.getString("identifier_type"), r.getString("identifier_value")),
                Authorization.Status.valueOf(r.getString("status")), r.getString("token"), Sql.instant(r, "expires"),
                r.getString("attempted"), Sql.instant(r, "validated_at"), r.getString("error_type"),
                r.getString("error_detail"));
    }
}
