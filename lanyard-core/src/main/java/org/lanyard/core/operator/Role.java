package org.lanyard.core.operator;

import java.util.Set;

/** A named set of permissions. Built-in roles cannot be deleted; their permissions can be edited. */
public record Role(String id, String name, String description, Set<Permission> permissions, boolean builtin) {

    public Role {
        permissions = Set.copyOf(permissions);
        description = description == null ? "" : description;
    }
}
