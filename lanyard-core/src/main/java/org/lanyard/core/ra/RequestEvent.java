package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import org.lanyard.core.Actor;

/**
 * One step of a request's history: {@value #REQUESTED}, {@value #APPROVAL} (one operator's
 * approval), and one per state reached ({@value #APPROVED}, {@value #REJECTED},
 * {@value #CANCELLED}, {@value #COMPLETED}, {@value #FAILED}). {@code comment} may be null; for
 * {@value #FAILED} it is the failure code, for {@value #COMPLETED} the certificate's serial.
 */
public record RequestEvent(Instant at, Actor actor, String event, @Nullable String comment) {

    public static final String REQUESTED = "requested";
    public static final String APPROVAL = "approval";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String CANCELLED = "cancelled";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** The event that records reaching {@code state}. */
    static String reaching(RequestState state) {
        return state.text();
    }
}
