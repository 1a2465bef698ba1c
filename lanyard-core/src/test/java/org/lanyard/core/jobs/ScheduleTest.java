package org.lanyard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Schedule FIVE_MINUTES = Schedule.every(Duration.ofMinutes(5));
    private static final Schedule AT_TWO = Schedule.dailyAt(LocalTime.of(2, 0));

    @ParameterizedTest(name = "every 5 min: due {0}, run ended {1} -> {2}")
    @CsvSource({
        // a run that ended within its period: the next slot on the grid
        "2026-01-01T10:00:00Z, 2026-01-01T10:00:03Z, 2026-01-01T10:05:00Z",
        // ended exactly on the next slot: that slot has come, so the one after
        "2026-01-01T10:00:00Z, 2026-01-01T10:05:00Z, 2026-01-01T10:10:00Z",
        // a node that was down for an hour catches up with one run, still on the grid
        "2026-01-01T10:00:00Z, 2026-01-01T11:02:00Z, 2026-01-01T11:05:00Z",
        // asked for ahead of the schedule: the schedule does not move
        "2026-01-01T10:05:00Z, 2026-01-01T10:01:00Z, 2026-01-01T10:05:00Z",
    })
    void intervalsStayOnTheirGrid(Instant due, Instant ended, Instant next) {
        assertThat(FIVE_MINUTES.next(due, ended)).isEqualTo(next);
    }

    @ParameterizedTest(name = "daily at 02:00: due {0}, run ended {1} -> {2}")
    @CsvSource({
        "2026-01-01T02:00:00Z, 2026-01-01T02:00:09Z, 2026-01-02T02:00:00Z",
        // down for three days: one run, then tomorrow at two
        "2026-01-01T02:00:00Z, 2026-01-04T13:00:00Z, 2026-01-05T02:00:00Z",
        // asked for ahead of the schedule
        "2026-01-02T02:00:00Z, 2026-01-01T15:00:00Z, 2026-01-02T02:00:00Z",
    })
    void dailyRunsAtItsUtcTime(Instant due, Instant ended, Instant next) {
        assertThat(AT_TWO.next(due, ended)).isEqualTo(next);
    }

    @Test
    void firstDueTimes() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(FIVE_MINUTES.first(now)).isEqualTo(now);
        assertThat(AT_TWO.first(now)).isEqualTo(Instant.parse("2026-01-02T02:00:00Z"));
        assertThat(AT_TWO.first(Instant.parse("2026-01-01T02:00:00Z"))).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(FIVE_MINUTES.describe()).isEqualTo("every PT5M");
        assertThat(AT_TWO.describe()).isEqualTo("daily at 02:00 UTC");
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.every(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
