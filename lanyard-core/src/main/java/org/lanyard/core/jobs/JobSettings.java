package org.lanyard.core.jobs;

import java.time.Duration;

/**
 * How the runner holds leases and looks for due jobs.
 *
 * @param lease     how long a lease lasts unless renewed: how soon after a node dies its running
 *                  job is marked abandoned and taken over. Clocks of the nodes must agree to well
 *                  within {@code lease - heartbeat}.
 * @param heartbeat how often a running job's lease is renewed; at most a third of {@code lease}, so
 *                  two renewals may fail before it expires
 * @param tick      how often the runner looks for due jobs and expired leases
 */
public record JobSettings(Duration lease, Duration heartbeat, Duration tick) {

    public JobSettings {
        if (lease.toMillis() < 3 || heartbeat.toMillis() < 1 || tick.toMillis() < 1
                || heartbeat.multipliedBy(3).compareTo(lease) > 0) {
            throw new IllegalArgumentException("need heartbeat <= lease / 3 and positive durations: lease " + lease
                    + ", heartbeat " + heartbeat + ", tick " + tick);
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(10));
    }
}
