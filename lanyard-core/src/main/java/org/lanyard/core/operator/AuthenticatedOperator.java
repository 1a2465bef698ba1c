package org.lanyard.core.operator;

import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/** An operator whose credentials were checked, with the union of its roles' permissions. */
public record AuthenticatedOperator(Operator operator, Set<Permission> permissions, String method) {

    public AuthenticatedOperator {
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
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
