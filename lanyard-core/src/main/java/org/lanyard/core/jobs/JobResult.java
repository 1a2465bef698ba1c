package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one run of a job did, as its run record keeps it: counts by name (in the job's order) and
 * a short text for the operator. A job that did part of its work and failed at the rest reports
 * {@code failed} with its counts instead of throwing, so the record shows both.
 */
public record JobResult(Map<String, Long> counts, @Nullable String details, boolean failed) {

    private static final Pattern COUNT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public JobResult {
        for (String name : counts.keySet()) {
            if (!COUNT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("count names are lower-case words with dashes, not '" + name + "'");
            }
        }
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public static JobResult succeeded(Map<String, Long> counts, @Nullable String details) {
        return new JobResult(counts, details, false);
    }

    public static JobResult failed(Map<String, Long> counts, @Nullable String details) {
        return new JobResult(counts, details, true);
    }

    /** Counts and failures collected while a job works through its items. */
    public static final class Tally {

        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        /** Starts {@code names} at zero, so the record shows them even when nothing was counted. */
        public Tally(String... names) {
            for (String name : names) {
                counts.put(name, 0L);
            }
        }

        public Tally add(String name, long amount) {
            counts.merge(name, amount, Long::sum);
            return this;
        }

        public Tally count(String name) {
            return add(name, 1);
        }

        public Tally note(String text) {
            notes.add(text);
            return this;
        }

        /** A failed item: counted under {@code failed}, and the run's outcome becomes FAILED. */
        public Tally failure(String text) {
            failures.add(text);
            return add("failed", 1);
        }

        public JobResult result() {
            List<String> lines = new ArrayList<>(failures);
            lines.addAll(notes);
            return new JobResult(counts, String.join("; ", lines), !failures.isEmpty());
        }
    }
}
