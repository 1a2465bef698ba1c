package org.lanyard.core.acme;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lanyard.core.LanyardException;

/**
 * JWS and JSON intake must answer any bytes from outside with a parsed message or an ACME
 * error ({@link LanyardException} with an {@link AcmeError} code), nothing else — no other exception, no
 * hang. Under plain {@code mvn test} this runs the seeds in
 * {@code JwsIntakeFuzzTestInputs/fuzzJws} (regression mode); {@code JAZZER_FUZZ=1 ./mvnw -pl
 * lanyard-core test -Dtest=JwsIntakeFuzzTest} fuzzes for a minute.
 */
class JwsIntakeFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzJws(byte[] input) {
        try {
            JwsMessage message = JwsMessage.parse(input);
            if (message.alg() == null || message.url() == null || message.nonce() == null) {
                throw new AssertionError("a parsed JWS has alg, url and nonce");
            }
            if (message.kid() == null) {
                message.verify(message.jwk());
            }
            if (!message.postAsGet()) {
                message.json();
            }
        } catch (LanyardException expected) {
            if (AcmeError.byCode(expected.code()) == null) {
                throw new AssertionError("refusal without an ACME type: " + expected.code(), expected);
            }
        }
    }
}
