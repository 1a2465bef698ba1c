package org.lanyard.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When a job is due: every fixed interval, or once a day at a UTC time. A schedule names due
 * times, not delays: after the run for due time {@code d} the next due time is the first one of
 * the schedule after the run ended, so a node that was down for a while catches up with one run,
 * not with one per missed due time, and two nodes computing it agree.
 */
public sealed interface Schedule permits Schedule.Every, Schedule.DailyAt {

    /** Due every {@code interval}, the first time as soon as the job is registered. */
    static Schedule every(Duration interval) {
        return new Every(interval);
    }

    /** Due once a day at {@code time} UTC, the first time at its next occurrence. */
    static Schedule dailyAt(LocalTime time) {
        return new DailyAt(time);
    }

    /** The first due time of a job registered at {@code now}. */
    Instant first(Instant now);

    /**
     * The due time after a run for {@code due} that ended at {@code now}: {@code due} itself when it
     * still lies ahead (a run made ahead of time on request does not move the schedule), else the
     * first due time of this schedule after {@code now}.
     */
    Instant next(Instant due, Instant now);

    /** What operators read, and what the store keeps to notice a changed schedule. */
    String describe();

    /** @param interval at least one millisecond */
    record Every(Duration interval) implements Schedule {

        public Every {
            if (interval == null || interval.toMillis() < 1) {
                throw new IllegalArgumentException("a job interval must be at least 1 ms, not " + interval);
            }
        }

        @Override
        public Instant first(Instant now) {
            return now;
        }

        @Override
        public Instant next(Instant due, Instant now) {
            if (due.isAfter(now)) {
                return due;
            }
            long periods = Duration.between(due, now).dividedBy(interval) + 1;
            return due.plus(interval.multipliedBy(periods));
        }

        @Override
        public String describe() {
            return "every " + interval;
        }
    }

    record DailyAt(LocalTime time) implements Schedule {

        public DailyAt {
            if (time == null) {
                throw new IllegalArgumentException("a daily job needs a time of day");
            }
        }

        @Override
        public Instant first(Instant now) {
            return after(now.minusNanos(1));
        }

        @Override
        public Instant next(Instant due, Instant now) {
            return due.isAfter(now) ? due : after(now);
        }

        /** The first occurrence strictly after {@code instant}. */
        private Instant after(Instant instant) {
            ZonedDateTime at = instant.atZone(ZoneOffset.UTC).with(time);
            if (!at.toInstant().isAfter(instant)) {
                at = at.plusDays(1);
            }
            return at.toInstant();
        }

        @Override
        public String describe() {
            return "daily at " + time + " UTC";
        }
    }
}
