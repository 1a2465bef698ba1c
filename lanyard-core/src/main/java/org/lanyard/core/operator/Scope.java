package org.lanyard.core.operator;

import java.util.Map;
import java.util.Objects;
import org.lanyard.core.LanyardException;

/**
 * Where a permission applies: the whole system, one organization, or one department of an
 * organization (DESIGN.md §3: "each role scoped to the whole system, an organization, or a
 * department"). Today every role is granted system-wide and every request is made in
 * {@link #system()}; the type exists so that organizations and departments can be added without
 * changing who asks "may this operator do that, here?" ({@link AuthenticatedOperator#may(Permission, Scope)}).
 *
 * @param organization the organization id; null for the whole system
 * @param department   the department id within {@code organization}; null for the whole organization
 */
public record Scope(String organization, String department) {

    private static final Scope SYSTEM = new Scope(null, null);

    public Scope {
        if (organization == null && department != null) {
            throw new IllegalArgumentException("a department belongs to an organization");
        }
    }

    /** The whole system: covers every organization and department. */
    public static Scope system() {
        return SYSTEM;
    }

    public boolean isSystem() {
        return organization == null;
    }

    /** True when a grant in this scope applies in {@code other}: system covers all, an organization its departments. */
    public boolean covers(Scope other) {
        if (isSystem()) {
            return true;
        }
        if (!organization.equals(other.organization)) {
            return false;
        }
        return department == null || department.equals(other.department);
    }

    /** {@code system}, {@code org:<id>} or {@code org:<id>/dept:<id>}: how the store keeps it. */
    public String text() {
        if (isSystem()) {
            return "system";
        }
        return "org:" + organization + (department == null ? "" : "/dept:" + department);
    }

    /** The inverse of {@link #text()}. */
    public static Scope parse(String text) {
        if (text == null || text.equals("system")) {
            return SYSTEM;
        }
        if (text.startsWith("org:")) {
            String rest = text.substring(4);
            int slash = rest.indexOf("/dept:");
            if (slash < 0 && !rest.isEmpty()) {
                return new Scope(rest, null);
            }
            if (slash > 0 && slash + 6 < rest.length()) {
                return new Scope(rest.substring(0, slash), rest.substring(slash + 6));
            }
        }
        throw new LanyardException(org.lanyard.core.ErrorKind.INVALID_INPUT, "scope-malformed",
                "a scope is 'system', 'org:<id>' or 'org:<id>/dept:<id>'", Map.of("scope", Objects.toString(text)));
    }

    @Override
    public String toString() {
        return text();
    }
}
