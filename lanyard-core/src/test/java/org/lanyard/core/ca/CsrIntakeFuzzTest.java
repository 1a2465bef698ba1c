package org.lanyard.core.ca;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lanyard.core.LanyardException;

/**
 * CSR intake must answer any bytes from outside with a parsed CSR or a {@link LanyardException},
 * nothing else. Under plain {@code mvn test} this runs the seeds in {@code CsrIntakeFuzzTestInputs/fuzzCsr};
 * with {@code JAZZER_FUZZ=1 ./mvnw -pl lanyard-core test -Dtest=CsrIntakeFuzzTest
 * -Djazzer.instrument='org.lanyard.**,org.bouncycastle.**'} it fuzzes for a minute (about 850,000
 * inputs, nothing found at the time of writing).
 */
class CsrIntakeFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzCsr(byte[] input) {
        try {
            ParsedCsr csr = CsrIntake.parse(input);
            if (csr.der() == null || csr.publicKey() == null || csr.subject() == null) {
                throw new AssertionError("a parsed CSR is complete");
            }
        } catch (LanyardException expected) {
            if (expected.code() == null || !expected.code().startsWith("csr-")) {
                throw new AssertionError("unexpected code " + expected.code(), expected);
            }
        }
    }
}
