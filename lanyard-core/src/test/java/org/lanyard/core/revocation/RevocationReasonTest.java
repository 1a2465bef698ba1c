package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.revocation.RevokeCertificateTest.assertRefused;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;

class RevocationReasonTest {

    @ParameterizedTest
    @CsvSource({
            "unspecified, 0",
            "keyCompromise, 1",
            "cACompromise, 2",
            "affiliationChanged, 3",
            "superseded, 4",
            "cessationOfOperation, 5",
            "certificateHold, 6",
            "privilegeWithdrawn, 9",
            "aACompromise, 10",
    })
    void apiNamesMapToRfc5280Codes(String name, int code) {
        assertThat(RevocationReason.forRevocation(name).code()).isEqualTo(code);
        assertThat(RevocationReason.fromCode(code).name()).isEqualTo(name);
    }

    @Test
    void removeFromCrlAndUnknownNamesAreRefused() {
        assertRefused(() -> RevocationReason.forRevocation("removeFromCRL"), ErrorKind.INVALID_INPUT,
                "revocation-reason-unknown");
        assertRefused(() -> RevocationReason.forRevocation("KEYCOMPROMISE"), ErrorKind.INVALID_INPUT,
                "revocation-reason-unknown");
        assertThat(RevocationReason.forRevocation(null)).isEqualTo(RevocationReason.unspecified);
    }
}
