package org.lanyard.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandApduTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @ParameterizedTest
    @ValueSource(strings = {"00200080", "00FD000000", "00C0000010", "00200080083132333435363738", "00CB3FFF055C035FC10200",
        "10DB3FFF0133"})
    void shortApdusParseBackToTheSameBytes(String hex) {
        assertThat(HEX.formatHex(CommandApdu.parse(HEX.parseHex(hex)).encode())).isEqualTo(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"002000", "00CB3FFF0000055C035FC102", "00CB3FFF055C03", "00CB3FFF025C035FC102"})
    void extendedOrInconsistentApdusAreRefused(String hex) {
        assertThatThrownBy(() -> CommandApdu.parse(HEX.parseHex(hex))).isInstanceOf(IllegalArgumentException.class);
    }
}
