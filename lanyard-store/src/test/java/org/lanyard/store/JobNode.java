package org.lanyard.store;

import java.time.Clock;
import java.time.Duration;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobRunner;
import org.lanyard.core.jobs.JobSettings;
import org.lanyard.core.jobs.Schedule;

/**
 * A second node for {@link PostgresJobClusterTest}, in its own JVM so that the test can kill it
 * for real: it takes the due job's lease, prints {@code RUNNING <run id>} and blocks inside the
 * job, renewing its lease, until it is killed.
 *
 * <p>Arguments: JDBC URL, job name, node id, lease and heartbeat in milliseconds. The database
 * user and password come from {@code LANYARD_TEST_PG_USER} and {@code LANYARD_TEST_PG_PASSWORD}.
 */
public final class JobNode {

    private JobNode() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String job = args[1];
        String node = args[2];
        JobSettings settings = new JobSettings(Duration.ofMillis(Long.parseLong(args[3])),
                Duration.ofMillis(Long.parseLong(args[4])), Duration.ofHours(1));
        try (Database database = Database.open(url, System.getenv().getOrDefault("LANYARD_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("LANYARD_TEST_PG_PASSWORD", ""), 2);
                JobRunner runner = new JobRunner(database.jobs(), node, Clock.systemUTC(), settings)) {
            runner.add(Job.of(job, Schedule.every(Duration.ofHours(1)), false, context -> {
                System.out.println("RUNNING " + context.run().id());
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }));
            if (runner.runDue().isEmpty()) {
                System.out.println("NOT-DUE");
            }
        }
    }
}
