package org.lanyard.core.ra;

import org.lanyard.core.Actor;

/** Who made a request, as stored with it: the principal's kind and its actor. */
public record Requester(Principal.Kind kind, Actor actor) {

    public static Requester of(Principal principal) {
        return new Requester(principal.kind(), principal.actor());
    }

    /** True when {@code actor} is this requester. Actor ids are unique across kinds (operator id, acme:…, system:…). */
    public boolean is(Actor other) {
        return actor.id().equals(other.id());
    }
}
