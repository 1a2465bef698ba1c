package org.lanyard.core.jobs;

import java.time.Instant;

/**
 * A job as operators see it.
 *
 * @param leaseOwner node running it now (or that ran it and stopped, until the lease expires); null when free
 * @param lastRun    its newest run (possibly still RUNNING); null before the first
 */
public record JobOverview(String name, String schedule, Instant nextDueAt, String leaseOwner, Instant leaseExpiresAt,
        JobRun lastRun) {
}
