package org.lanyard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

class JobHistoryTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    final MemoryJobStore store = new MemoryJobStore();
    final MovingClock clock = new MovingClock(T0);
    final JobRunner a = new JobRunner(store, "a", clock, JobRunnerTest.SETTINGS);

    @AfterEach
    void stop() {
        a.close();
    }

    @Test
    void runsOfAJobAreListedNewestFirst() {
        a.add(JobRunnerTest.counting("crl", Schedule.every(Duration.ofMinutes(1)), new AtomicInteger()));
        for (int i = 0; i < 3; i++) {
            a.runDue();
            clock.advance(Duration.ofMinutes(1));
        }
        JobHistory history = new JobHistory(store);

        assertThat(history.runs("crl", 2)).extracting(JobRun::dueAt)
                .containsExactly(T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(1)));
        assertThat(history.jobs()).singleElement().satisfies(j -> {
            assertThat(j.schedule()).isEqualTo("every PT1M");
            assertThat(j.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
            assertThat(j.lastRun().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        });
        String first = history.runs("crl", 100).get(2).id();
        assertThat(history.run("crl", first).dueAt()).isEqualTo(T0);
        assertThatThrownBy(() -> history.runs("crl", 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> history.runs("nope", 5)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> history.run("crl", "other")).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.code()).isEqualTo("job-run-unknown"));
    }
}
