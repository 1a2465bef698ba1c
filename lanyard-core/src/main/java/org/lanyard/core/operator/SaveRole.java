package org.lanyard.core.operator;

import java.util.Map;
import java.util.TreeSet;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/** Creates a custom role or changes the permissions of any role. The System Owner role keeps all permissions. */
public class SaveRole {

    private final OperatorStore store;
    private final Transactions tx;
    private final AuditTrail audit;

    public SaveRole(OperatorStore store, Transactions tx, AuditTrail audit) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
    }

    /**
     * Saves on behalf of {@code caller}: it may give a role only permissions it holds itself, and
     * may change a role only when it holds every permission the role has now ({@link Delegation}).
     */
    public Role save(Role requested, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Delegation delegation = new Delegation(store);
            delegation.requireCovers(caller, requested.permissions(), "give role '" + requested.id() + "' these permissions");
            store.findRole(requested.id()).ifPresent(existing -> delegation.requireCovers(caller,
                    existing.permissions(), "change role '" + existing.id() + "'"));
            return save(requested, caller.actor());
        });
    }

    /** Saves with no caller check: for the system itself. */
    public Role save(Role requested, Actor actor) {
        if (requested.id() == null || !requested.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw LanyardException.invalid("role-id", "a role id is lower-case letters, digits and dashes");
        }
        if (requested.name() == null || requested.name().isBlank()) {
            throw LanyardException.invalid("role-name", "a role needs a name");
        }
        if (BuiltinRoles.SYSTEM_OWNER.equals(requested.id())) {
            throw LanyardException.conflict("role-protected", "the System Owner role cannot be changed");
        }
        return tx.inTransaction(() -> {
            var existing = store.findRole(requested.id());
            Role role = new Role(requested.id(), requested.name(), requested.description(), requested.permissions(),
                    existing.map(Role::builtin).orElse(false));
            store.saveRole(role);
            audit.record(actor, existing.isPresent() ? "role.updated" : "role.created", role.id(),
                    Map.of("permissions", String.join(",", new TreeSet<>(role.permissions().stream()
                            .map(Enum::name).toList()))));
            return role;
        });
    }
}
