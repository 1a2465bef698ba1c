package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRateTest {

    @ParameterizedTest
    @CsvSource({
        // text, count, window
        "300/PT1M, 300, PT1M",
        "5/PT24H, 5, PT24H",
        "off, 0, PT1M",
        "' 10/PT30S ', 10, PT30S",
    })
    void parses(String text, int count, String window) {
        assertThat(RequestRate.parse(text)).isEqualTo(new RequestRate(count, Duration.parse(window)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "x/PT1M", "300/1m", "-1/PT1M", "10/PT0S", "/PT1M"})
    void refusesWhatIsNotARate(String text) {
        assertThatThrownBy(() -> RequestRate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void blankIsTheDefault(String text) {
        assertThat(RequestRate.parse(text)).isEqualTo(RequestRate.DEFAULT);
        assertThat(RequestRate.parse(null)).isEqualTo(RequestRate.DEFAULT);
    }
}
