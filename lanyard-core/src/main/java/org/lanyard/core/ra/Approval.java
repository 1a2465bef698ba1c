package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import org.lanyard.core.Actor;

/** One operator's approval of a request. {@code comment} may be null. */
public record Approval(Actor operator, Instant at, @Nullable String comment) {
}
