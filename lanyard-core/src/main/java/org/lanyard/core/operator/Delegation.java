package org.lanyard.core.operator;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * The no-escalation rule of delegated administration: an operator may hand out, act for or
 * shape only what it holds itself. Granting roles, minting tokens, binding certificates and
 * editing roles all pass through here, so holding {@code OPERATOR_MANAGE} or {@code ROLE_MANAGE}
 * never leads to more permissions than the caller already has. The System Owner operator is
 * acted for by nobody but itself.
 */
public final class Delegation {

    private final OperatorStore store;

    public Delegation(OperatorStore store) {
        this.store = store;
    }

    /** The union of the permissions of {@code roleIds} (unknown roles add nothing). */
    public Set<Permission> permissionsOf(Set<String> roleIds) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String roleId : roleIds) {
            store.findRole(roleId).ifPresent(role -> permissions.addAll(role.permissions()));
        }
        return permissions;
    }

    /** Refuses when {@code wanted} holds a permission the caller lacks. */
    public void requireCovers(AuthenticatedOperator caller, Set<Permission> wanted, String what) {
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(wanted);
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            String names = String.join(",", new TreeSet<>(missing.stream().map(Enum::name).toList()));
            throw new LanyardException(ErrorKind.FORBIDDEN, "privilege-escalation", "operator '"
                    + caller.operator().name() + "' cannot " + what + ": it lacks " + names,
                    Map.of("missing", names));
        }
    }

    /** Refuses to act for {@code target} unless the caller holds all of the target's permissions. */
    public void requireMayActFor(AuthenticatedOperator caller, Operator target, String what) {
        boolean self = caller.operator().id().equals(target.id());
        if (!self && target.roleIds().contains(BuiltinRoles.SYSTEM_OWNER)) {
            throw new LanyardException(ErrorKind.FORBIDDEN, "privilege-escalation",
                    "only the System Owner may " + what + " for the System Owner", Map.of());
        }
        requireCovers(caller, permissionsOf(target.roleIds()), what + " for operator '" + target.name() + "'");
    }
}
