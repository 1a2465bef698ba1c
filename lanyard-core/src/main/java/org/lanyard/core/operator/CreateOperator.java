package org.lanyard.core.operator;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/** Adds an operator with roles. Names are unique; every role must exist. */
public class CreateOperator {

    private final OperatorStore store;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public CreateOperator(OperatorStore store, Transactions tx, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an operator on behalf of {@code caller}, who must hold every permission of the
     * roles it grants ({@link Delegation}): managing operators never escalates privileges.
     */
    public Operator create(String name, String email, Set<String> roleIds, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Set<String> roles = roleIds == null ? Set.of() : roleIds;
            if (roles.contains(BuiltinRoles.SYSTEM_OWNER)) {
                throw new LanyardException(ErrorKind.FORBIDDEN,
                        "privilege-escalation", "there is one System Owner; the role cannot be granted", Map.of());
            }
            Delegation delegation = new Delegation(store);
            delegation.requireCovers(caller, delegation.permissionsOf(roles), "grant these roles");
            return create(name, email, roles, caller.actor());
        });
    }

    /** Creates an operator with no caller check: for the system itself (initialisation, demo data). */
    public Operator create(String name, String email, Set<String> roleIds, Actor actor) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@ -]{0,99}")) {
            throw LanyardException.invalid("operator-name", "an operator name is 1 to 100 letters, digits, '.', '_', '@', '-' or spaces");
        }
        if (roleIds == null || roleIds.isEmpty()) {
            throw LanyardException.invalid("operator-roles", "an operator needs at least one role");
        }
        return tx.inTransaction(() -> {
            if (store.findOperatorByName(name).isPresent()) {
                throw LanyardException.conflict("operator-exists", "operator '" + name + "' exists already");
            }
            for (String roleId : roleIds) {
                if (store.findRole(roleId).isEmpty()) {
                    throw LanyardException.invalid("role-unknown", "role '" + roleId + "' does not exist");
                }
            }
            Operator operator = new Operator(Secrets.newId(), name, email, roleIds, true, clock.instant());
            store.saveOperator(operator);
            audit.record(actor, "operator.created", operator.id(), Map.of("name", name, "roles",
                    String.join(",", new java.util.TreeSet<>(roleIds))));
            return operator;
        });
    }
}
