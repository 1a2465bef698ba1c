package org.lanyard.core.ra;

import java.util.Locale;
import java.util.Set;

/**
 * Where a request is (docs/flows/registration.md): PENDING → APPROVED or REJECTED or CANCELLED;
 * APPROVED → COMPLETED or FAILED. REJECTED, CANCELLED, COMPLETED and FAILED are final.
 */
public enum RequestState {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED,
    COMPLETED,
    FAILED;

    /** True when the state machine allows the step from this state to {@code next}. */
    public boolean mayBecome(RequestState next) {
        return switch (this) {
            case PENDING -> Set.of(APPROVED, REJECTED, CANCELLED).contains(next);
            case APPROVED -> Set.of(COMPLETED, FAILED).contains(next);
            default -> false;
        };
    }

    /** {@code pending}, {@code approved}, …: the name in JSON and queries. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The inverse of {@link #text()}; case-insensitive. */
    public static RequestState parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw org.lanyard.core.LanyardException.invalid("request-state-unknown",
                    "state is one of pending, approved, rejected, cancelled, completed, failed");
        }
    }
}
