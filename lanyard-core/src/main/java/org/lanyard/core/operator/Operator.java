package org.lanyard.core.operator;

import java.time.Instant;
import java.util.Set;
import org.lanyard.core.Actor;

/** A person or automation that works on Lanyard through the API, console or CLI. */
public record Operator(String id, String name, String email, Set<String> roleIds, boolean enabled, Instant createdAt) {

    public Operator {
        roleIds = Set.copyOf(roleIds);
    }

    public Actor actor() {
        return new Actor(id, name);
    }
}
