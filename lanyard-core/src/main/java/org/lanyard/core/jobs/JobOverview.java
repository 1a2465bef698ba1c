package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * A job as operators see it.
 *
 * @param leaseOwner node running it now (or that ran it and stopped, until the lease expires); null when free
 * @param lastRun    its newest run (possibly still RUNNING); null before the first
 */
public record JobOverview(String name, String schedule, Instant nextDueAt, @Nullable String leaseOwner,
        @Nullable Instant leaseExpiresAt, @Nullable JobRun lastRun) {
}
