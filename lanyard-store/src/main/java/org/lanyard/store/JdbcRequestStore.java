package org.lanyard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.operator.Scope;
import org.lanyard.core.ra.Approval;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.Request;
import org.lanyard.core.ra.RequestEvent;
import org.lanyard.core.ra.RequestQuery;
import org.lanyard.core.ra.RequestState;
import org.lanyard.core.ra.RequestStore;
import org.lanyard.core.ra.RequestType;
import org.lanyard.core.ra.Requester;

/**
 * Registration requests in {@code requests} with their {@code request_variables},
 * {@code request_approvals} and {@code request_events} (V5). {@link #lock} is
 * {@code SELECT … FOR UPDATE} on the request row; state changes are {@code UPDATE … WHERE state = ?},
 * so the row count says whether this node moved the request.
 */
final class JdbcRequestStore implements RequestStore {

    private static final String COLUMNS = "id, request_type, state, scope, requester_kind, requester_id,"
            + " requester_name, profile_id, issuer_id, csr, approvals_required, certificate_serial, failure_code,"
            + " created_at, updated_at";

    private final Sql sql;

    JdbcRequestStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Request r) {
        sql.with("record a request", c -> {
            Sql.update(c, "INSERT INTO requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(), r.type(), r.state(), r.scope().text(), r.requester().kind(), r.requester().actor().id(),
                    r.requester().actor().name(), r.profileId(), r.issuerId(), r.csr(), r.approvalsRequired(),
                    r.certificateSerial(), r.failure(), r.createdAt(), r.updatedAt());
            for (Map.Entry<String, String> v : r.variables().entrySet()) {
                Sql.update(c, "INSERT INTO request_variables (request_id, var_name, var_value) VALUES (?, ?, ?)", r.id(),
                        v.getKey(), v.getValue());
            }
            for (Approval a : r.approvals()) {
                insertApproval(c, r.id(), a);
            }
            for (RequestEvent e : r.history()) {
                insertEvent(c, r.id(), e);
            }
            return null;
        });
    }

    @Override
    public Optional<Request> find(String id) {
        return sql.with("find a request", c -> load(c, "SELECT " + COLUMNS + " FROM requests WHERE id = ?", id)
                .stream().findFirst());
    }

    @Override
    public Optional<Request> lock(String id) {
        return sql.with("lock a request", c -> load(c, "SELECT " + COLUMNS + " FROM requests WHERE id = ? FOR UPDATE",
                id).stream().findFirst());
    }

    @Override
    public void addApproval(String requestId, Approval approval) {
        sql.with("record an approval", c -> {
            insertApproval(c, requestId, approval);
            return null;
        });
    }

    @Override
    public void addEvent(String requestId, RequestEvent event) {
        sql.with("record a request event", c -> {
            insertEvent(c, requestId, event);
            return null;
        });
    }

    @Override
    public boolean transition(String requestId, RequestState from, RequestState to, String certificateSerial,
            String failure, Instant at) {
        return sql.update("change a request", "UPDATE requests SET state = ?,"
                + " certificate_serial = COALESCE(?, certificate_serial), failure_code = ?, updated_at = ?"
                + " WHERE id = ? AND state = ?", to, certificateSerial, failure, at, requestId, from) == 1;
    }

    @Override
    public int countByRequesterSince(String requesterId, Instant since) {
        return sql.one("count requests", "SELECT COUNT(*) FROM requests WHERE requester_id = ? AND created_at >= ?",
                r -> r.getInt(1), requesterId, since).orElse(0);
    }

    /** Oldest first, then by id. */
    @Override
    public Page<Request> search(RequestQuery q) {
        Where where = new Where().and("state = ?", q.state()).and("requester_id = ?", q.requesterId());
        String clause = where.sql();
        List<Object> params = new ArrayList<>(List.of(where.params()));
        if (!q.excludedProfiles().isEmpty()) {
            List<String> excluded = q.excludedProfiles().stream().sorted().toList();
            clause += (clause.isEmpty() ? " WHERE " : " AND ") + "profile_id NOT IN ("
                    + String.join(", ", Collections.nCopies(excluded.size(), "?")) + ")";
            params.addAll(excluded);
        }
        String filter = clause;
        PageRequest page = q.page();
        return sql.with("search requests", c -> {
            long total = Sql.list(c, "SELECT COUNT(*) FROM requests" + filter, r -> r.getLong(1), params.toArray())
                    .get(0);
            List<Object> paged = new ArrayList<>(params);
            paged.add(page.size());
            paged.add(page.offset());
            List<Request> items = load(c, "SELECT " + COLUMNS + " FROM requests" + filter
                    + " ORDER BY created_at, id LIMIT ? OFFSET ?", paged.toArray());
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static void insertApproval(Connection c, String requestId, Approval a) throws SQLException {
        try {
            Sql.update(c, "INSERT INTO request_approvals (request_id, operator_id, operator_name, approved_at, comment)"
                    + " VALUES (?, ?, ?, ?, ?)", requestId, a.operator().id(), a.operator().name(), a.at(), a.comment());
        } catch (SQLException e) {
            if (StoreFailure.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new LanyardException(ErrorKind.POLICY_REFUSED, "approval-duplicate", "operator '"
                        + a.operator().name() + "' has already approved request " + requestId,
                        Map.of("rule", "approval-duplicate"), e);
            }
            throw e;
        }
    }

    private static void insertEvent(Connection c, String requestId, RequestEvent e) throws SQLException {
        Sql.update(c, "INSERT INTO request_events (request_id, event_time, actor_id, actor_name, event, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?)", requestId, e.at(), e.actor().id(), e.actor().name(), e.event(),
                e.comment());
    }

    /** The requests {@code query} selects, each with its variables, approvals and history (three more queries in all). */
    private static List<Request> load(Connection c, String query, Object... params) throws SQLException {
        List<Row> rows = Sql.list(c, query, JdbcRequestStore::row, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        String in = " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<String, Map<String, String>> variables = new HashMap<>();
        Sql.list(c, "SELECT request_id, var_name, var_value FROM request_variables WHERE request_id" + in, r -> {
            variables.computeIfAbsent(r.getString("request_id"), k -> new HashMap<>()).put(r.getString("var_name"),
                    r.getString("var_value"));
            return null;
        }, ids.toArray());
        Map<String, List<Approval>> approvals = new HashMap<>();
        Sql.list(c, "SELECT request_id, operator_id, operator_name, approved_at, comment FROM request_approvals"
                + " WHERE request_id" + in + " ORDER BY approved_at, operator_id", r -> {
                    approvals.computeIfAbsent(r.getString("request_id"), k -> new ArrayList<>()).add(new Approval(
                            new Actor(r.getString("operator_id"), r.getString("operator_name")),
                            Sql.instant(r, "approved_at"), r.getString("comment")));
                    return null;
                }, ids.toArray());
        Map<String, List<RequestEvent>> history = new HashMap<>();
        Sql.list(c, "SELECT request_id, event_time, actor_id, actor_name, event, comment FROM request_events"
                + " WHERE request_id" + in + " ORDER BY row_id", r -> {
                    history.computeIfAbsent(r.getString("request_id"), k -> new ArrayList<>()).add(new RequestEvent(
                            Sql.instant(r, "event_time"), new Actor(r.getString("actor_id"), r.getString("actor_name")),
                            r.getString("event"), r.getString("comment")));
                    return null;
                }, ids.toArray());
        return rows.stream().map(row -> row.request(variables.getOrDefault(row.id(), Map.of()),
                approvals.getOrDefault(row.id(), List.of()), history.getOrDefault(row.id(), List.of()))).toList();
    }

    /** The request row before its children are read. */
    private record Row(String id, RequestType type, RequestState state, Scope scope, Requester requester,
            String profileId, String issuerId, byte[] csr, int approvalsRequired, String certificateSerial,
            String failure, Instant createdAt, Instant updatedAt) {

        Request request(Map<String, String> variables, List<Approval> approvals, List<RequestEvent> history) {
            return new Request(id, type, state, scope, requester, profileId, issuerId, csr, variables,
                    approvalsRequired, approvals, history, certificateSerial, failure, createdAt, updatedAt);
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString("id"), RequestType.valueOf(r.getString("request_type")),
                RequestState.valueOf(r.getString("state")), Scope.parse(r.getString("scope")),
                new Requester(Principal.Kind.valueOf(r.getString("requester_kind")),
                        new Actor(r.getString("requester_id"), r.getString("requester_name"))),
                r.getString("profile_id"), r.getString("issuer_id"), r.getBytes("csr"), r.getInt("approvals_required"),
                r.getString("certificate_serial"), r.getString("failure_code"), Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"));
    }
}
