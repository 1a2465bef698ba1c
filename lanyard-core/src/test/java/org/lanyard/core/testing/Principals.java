package org.lanyard.core.testing;

import java.util.EnumSet;
import java.util.Set;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.ra.Principal;

/** Signed-in operators for tests of the registration authority, without a token round trip. */
public final class Principals {

    /** What a Normal operator holds: issue, approve and read requests. */
    public static final Set<Permission> NORMAL = EnumSet.of(Permission.CERTIFICATE_ISSUE, Permission.CERTIFICATE_READ,
            Permission.REQUEST_READ, Permission.REQUEST_APPROVE);

    private Principals() {
    }

    public static AuthenticatedOperator operator(String name, Set<Permission> permissions) {
        return new AuthenticatedOperator(new Operator("op-" + name, name, null, Set.of(), true, TestSystem.START),
                permissions, "token");
    }

    /** An operator with every permission. */
    public static AuthenticatedOperator owner(String name) {
        return operator(name, EnumSet.allOf(Permission.class));
    }

    public static Principal.Operator principal(AuthenticatedOperator operator) {
        return new Principal.Operator(operator);
    }
}
