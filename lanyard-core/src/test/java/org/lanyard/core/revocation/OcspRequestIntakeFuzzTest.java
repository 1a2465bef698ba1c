package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * Bytes from the network into OCSP intake. Under plain {@code mvn test} this runs in regression
 * mode over the seeds in {@code OcspRequestIntakeFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes. Intake may only refuse with the typed INVALID_INPUT error, and the responder must
 * always answer with an OCSP response, never throw.
 */
class OcspRequestIntakeFuzzTest {

    private static final Revocations R = new Revocations(CrlWriterTest.SHARDED);
    private static final OcspResponder RESPONDER = R.ocspResponder(R.ocspKey());

    @FuzzTest(maxDuration = "30s")
    void postBodies(byte[] input) {
        try {
            OcspRequestIntake.parse(input);
        } catch (LanyardException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        }
        OcspResponse response = RESPONDER.respond(input);
        assertThat(response.outcome()).isNotEqualTo(OcspResponse.Outcome.INTERNAL_ERROR);
        assertThat(response.der()).isNotEmpty();
    }

    @FuzzTest(maxDuration = "30s")
    void getPaths(byte[] input) {
        String path = new String(input, StandardCharsets.ISO_8859_1);
        try {
            OcspRequestIntake.parseGetPath(path);
        } catch (LanyardException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        }
        assertThat(RESPONDER.respondGet(path).outcome()).isNotEqualTo(OcspResponse.Outcome.INTERNAL_ERROR);
    }
}
