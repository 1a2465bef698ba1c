package org.lanyard.core.ra;

import java.util.Set;
import java.util.stream.Collectors;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Scope;

/**
 * The requests an operator may act on, oldest first: an operator with {@code REQUEST_APPROVE}
 * sees every request under the profiles it could issue under itself (it may approve, reject or
 * cancel them; its own only cancel); any other operator sees its own requests.
 */
public class ListRequests {

    private final RequestStore requests;
    private final ProfileStore profiles;
    private final ProfileAccess access;

    public ListRequests(RequestStore requests, ProfileStore profiles, ProfileAccess access) {
        this.requests = requests;
        this.profiles = profiles;
        this.access = access;
    }

    /** @param state null for every state */
    public Page<Request> list(AuthenticatedOperator caller, RequestState state, PageRequest page) {
        Scope scope = Scope.system();
        if (!caller.may(Permission.REQUEST_APPROVE, scope)) {
            return requests.search(new RequestQuery(state, caller.actor().id(), Set.of(), page));
        }
        Principal principal = new Principal.Operator(caller);
        Set<String> hidden = profiles.list().stream().filter(p -> !access.allows(principal, p, scope))
                .map(p -> p.id()).collect(Collectors.toSet());
        return requests.search(new RequestQuery(state, null, hidden, page));
    }
}
