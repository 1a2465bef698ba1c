package org.lanyard.core.operator;

import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * An operator whose credentials were checked, with the union of its roles' permissions. Roles are
 * granted system-wide today, so every permission held applies in every {@link Scope}; when roles
 * gain a scope, this record will carry (permission, scope) grants and {@link #may(Permission, Scope)}
 * is the one place that changes.
 */
public record AuthenticatedOperator(Operator operator, Set<Permission> permissions, String method) {

    public AuthenticatedOperator {
        permissions = Set.copyOf(permissions);
    }

    /** True when the operator holds {@code permission} in a scope that covers {@code scope}. */
    public boolean may(Permission permission, Scope scope) {
        return permissions.contains(permission) && Scope.system().covers(scope);
    }

    /** {@link #may(Permission, Scope)} for the whole system. */
    public boolean may(Permission permission) {
        return may(permission, Scope.system());
    }

    public void require(Permission permission) {
        if (!may(permission)) {
            throw new LanyardException(ErrorKind.FORBIDDEN, "permission-denied",
                    "operator '" + operator.name() + "' lacks permission " + permission,
                    java.util.Map.of("permission", permission.name()));
        }
    }

    public Actor actor() {
        return operator.actor();
    }
}
