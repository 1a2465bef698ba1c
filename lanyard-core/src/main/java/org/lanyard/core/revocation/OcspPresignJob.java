package org.lanyard.core.revocation;

import java.time.Duration;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobContext;
import org.lanyard.core.jobs.JobResult;
import org.lanyard.core.jobs.Schedule;

/**
 * Signs cached OCSP responses again before they stop being served ({@link OcspResponder#refreshCache}),
 * so relying parties are answered from the cache, not after a signature. The cache belongs to one
 * node, so this is a job per node, named {@code ocsp-presign@<node>}: each node's runner runs its
 * own, and the run history shows each node's cache.
 */
public final class OcspPresignJob implements Job {

    public static final String PREFIX = "ocsp-presign@";

    private final String name;
    private final OcspResponder responder;
    private final Duration interval;

    public OcspPresignJob(String node, OcspResponder responder, Duration interval) {
        String safe = node.replaceAll("[^A-Za-z0-9._@-]", "-");
        this.name = Job.checkName(PREFIX + safe.substring(0, Math.min(safe.length(), 100 - PREFIX.length())));
        this.responder = responder;
        this.interval = interval;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public JobResult run(JobContext context) {
        OcspResponder.CacheRefresh refresh = responder.refreshCache(interval);
        return new JobResult.Tally().add("signed", refresh.signed()).add("dropped", refresh.dropped())
                .add("cached", refresh.cached()).result();
    }
}
