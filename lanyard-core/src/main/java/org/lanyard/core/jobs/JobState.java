package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * A job's row in the store: its schedule, when it is next due, and who holds its lease. Nodes
 * change it only by compare-and-set on {@code version} ({@link JobStore#claim}), so of several
 * nodes that read the same row exactly one can take the lease.
 *
 * @param leaseOwner     node holding the lease, null when free
 * @param leaseExpiresAt end of the lease unless renewed; null when free
 * @param runId          the run holding the lease; null when free
 */
public record JobState(String name, String schedule, Instant nextDueAt, @Nullable String leaseOwner,
        @Nullable Instant leaseExpiresAt, @Nullable String runId, long version) {

    public boolean leased() {
        return runId != null;
    }

    /** Leased, and the holder has not renewed the lease in time: it stopped (or lost the database). */
    public boolean leaseExpired(Instant now) {
        Instant until = leaseExpiresAt;
        return leased() && until != null && !until.isAfter(now);
    }

    /** Leased and still within the lease: some node is running the job. */
    public boolean running(Instant now) {
        Instant until = leaseExpiresAt;
        return leased() && until != null && until.isAfter(now);
    }

    public boolean due(Instant now) {
        return !nextDueAt.isAfter(now);
    }
}
