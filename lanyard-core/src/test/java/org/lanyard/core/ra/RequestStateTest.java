package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestStateTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "PENDING, APPROVED, true",
        "PENDING, REJECTED, true",
        "PENDING, CANCELLED, true",
        "PENDING, COMPLETED, false",   // only through APPROVED
        "PENDING, FAILED, false",
        "APPROVED, COMPLETED, true",
        "APPROVED, FAILED, true",
        "APPROVED, CANCELLED, false",  // the CA has it
        "REJECTED, APPROVED, false",   // final
        "CANCELLED, PENDING, false",
        "COMPLETED, FAILED, false",
        "FAILED, APPROVED, false",
    })
    void transitions(RequestState from, RequestState to, boolean allowed) {
        assertThat(from.mayBecome(to)).isEqualTo(allowed);
    }
}
