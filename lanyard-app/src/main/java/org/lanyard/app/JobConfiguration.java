package org.lanyard.app;

import java.time.Duration;
import java.util.Map;
import org.lanyard.core.jobs.JobSettings;

/**
 * The job runner's settings (docs/flows/jobs.md) from {@code LANYARD_*} variables; every field has
 * a safe default. The CRL and OCSP responder certificate jobs keep their interval variable,
 * {@code LANYARD_JOB_INTERVAL} ({@link PublicationSettings#jobInterval()}).
 *
 * @param runner              {@code LANYARD_JOB_LEASE} (PT2M): how soon a dead node's run is marked
 *                            abandoned and taken over (the lease is renewed every sixth of it);
 *                            {@code LANYARD_JOB_TICK} (PT10S): how often a node looks for due jobs
 * @param ocspPresignInterval {@code LANYARD_OCSP_PRESIGN_INTERVAL} (PT1H): how often each node signs
 *                            its cached OCSP responses again ahead of their refresh point
 */
public record JobConfiguration(JobSettings runner, Duration ocspPresignInterval) {

    public static JobConfiguration fromEnvironment(Map<String, String> env) {
        Duration lease = Duration.parse(env.getOrDefault("LANYARD_JOB_LEASE", "PT2M"));
        return new JobConfiguration(
                new JobSettings(lease, lease.dividedBy(6), Duration.parse(env.getOrDefault("LANYARD_JOB_TICK", "PT10S"))),
                Duration.parse(env.getOrDefault("LANYARD_OCSP_PRESIGN_INTERVAL", "PT1H")));
    }
}
