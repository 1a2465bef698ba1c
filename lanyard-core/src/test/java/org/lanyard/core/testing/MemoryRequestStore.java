package org.lanyard.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.ra.Approval;
import org.lanyard.core.ra.Request;
import org.lanyard.core.ra.RequestEvent;
import org.lanyard.core.ra.RequestQuery;
import org.lanyard.core.ra.RequestState;
import org.lanyard.core.ra.RequestStore;

/** Registration requests in a map; a request is replaced whole on every change, like a row. */
public final class MemoryRequestStore implements RequestStore, MemoryTransactions.Participant {

    private Map<String, Request> requests = new LinkedHashMap<>();
    /** How often {@link #lock} was called: the use cases lock before they decide. */
    public int locks;

    @Override
    public void insert(Request request) {
        if (requests.containsKey(request.id())) {
            throw new IllegalStateException("request " + request.id() + " exists");
        }
        requests.put(request.id(), request);
    }

    @Override
    public Optional<Request> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public Optional<Request> lock(String id) {
        locks++;
        return find(id);
    }

    @Override
    public void addApproval(String requestId, Approval approval) {
        Request r = requests.get(requestId);
        if (r.approvedBy(approval.operator())) {
            throw new LanyardException(org.lanyard.core.ErrorKind.INTERNAL, "store-failed", "duplicate approval");
        }
        List<Approval> approvals = new ArrayList<>(r.approvals());
        approvals.add(approval);
        put(r, r.state(), approvals, r.history(), r.certificateSerial(), r.failure(), r.updatedAt());
    }

    @Override
    public void addEvent(String requestId, RequestEvent event) {
        Request r = requests.get(requestId);
        List<RequestEvent> history = new ArrayList<>(r.history());
        history.add(event);
        put(r, r.state(), r.approvals(), history, r.certificateSerial(), r.failure(), r.updatedAt());
    }

    @Override
    public boolean transition(String requestId, RequestState from, RequestState to, String certificateSerial,
            String failure, Instant at) {
        Request r = requests.get(requestId);
        if (r == null || r.state() != from) {
            return false;
        }
        put(r, to, r.approvals(), r.history(), certificateSerial != null ? certificateSerial : r.certificateSerial(),
                failure, at);
        return true;
    }

    @Override
    public int countByRequesterSince(String requesterId, Instant since) {
        return (int) requests.values().stream().filter(r -> r.requester().actor().id().equals(requesterId))
                .filter(r -> !r.createdAt().isBefore(since)).count();
    }

    @Override
    public Page<Request> search(RequestQuery q) {
        List<Request> hits = requests.values().stream()
                .filter(r -> q.state() == null || r.state() == q.state())
                .filter(r -> q.requesterId() == null || r.requester().actor().id().equals(q.requesterId()))
                .filter(r -> !q.excludedProfiles().contains(r.profileId()))
                .sorted(Comparator.comparing(Request::createdAt).thenComparing(Request::id)).toList();
        int from = (int) Math.min(hits.size(), q.page().offset());
        int to = Math.min(hits.size(), from + q.page().size());
        return new Page<>(hits.subList(from, to), q.page().page(), q.page().size(), hits.size());
    }

    public List<Request> all() {
        return List.copyOf(requests.values());
    }

    private void put(Request r, RequestState state, List<Approval> approvals, List<RequestEvent> history, String serial,
            String failure, Instant updatedAt) {
        requests.put(r.id(), new Request(r.id(), r.type(), state, r.scope(), r.requester(), r.profileId(), r.issuerId(),
                r.csr(), r.variables(), r.approvalsRequired(), approvals, history, serial, failure, r.createdAt(),
                updatedAt));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(requests);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        requests = new LinkedHashMap<>((Map<String, Request>) snapshot);
    }
}
