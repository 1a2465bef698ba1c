package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of one run of a job: written when a node takes the job's lease, completed when the
 * run ends, or marked {@link Outcome#ABANDONED} by another node once the lease of a node that
 * stopped has expired. Every run leaves one, so "did the CRL job run last night, where, and what
 * did it do" has an answer.
 *
 * @param trigger  {@code schedule}, {@code start} (the node's first run before it reports ready),
 *                 or {@code manual: <actor>}
 * @param dueAt    the due time this run is for; null when it was asked for ahead of the schedule
 * @param details  at most {@link #MAX_DETAILS} characters (and the trigger {@link #MAX_TRIGGER}); longer
 *                 text is cut
 */
public record JobRun(String id, String job, String node, String trigger, @Nullable Instant dueAt, Instant startedAt,
        @Nullable Instant finishedAt, Outcome outcome, Map<String, Long> counts, @Nullable String details) {

    public static final int MAX_DETAILS = 4000;
    public static final int MAX_TRIGGER = 300;

    public enum Outcome {
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** The node running it stopped renewing its lease (it died or lost the database); a failure. */
        ABANDONED;

        public boolean failed() {
            return this == FAILED || this == ABANDONED;
        }
    }

    public JobRun {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        details = cut(details, MAX_DETAILS);
        trigger = cut(trigger, MAX_TRIGGER);
    }

    static JobRun started(String id, String job, String node, String trigger, @Nullable Instant dueAt,
            Instant startedAt) {
        return new JobRun(id, job, node, trigger, dueAt, startedAt, null, Outcome.RUNNING, Map.of(), null);
    }

    JobRun finished(Instant at, Outcome outcome, Map<String, Long> counts, @Nullable String details) {
        return new JobRun(id, job, node, trigger, dueAt, startedAt, at, outcome, counts, details);
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
