package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lanyard.core.LanyardException;

class SerialsTest {

    private static final int COUNT = 100_000;

    @Test
    void serialsArePositiveUniqueAndEveryRandomBitIsFair() {
        Serials serials = new Serials(new SecureRandom());
        Set<BigInteger> seen = new HashSet<>(COUNT * 2);
        int[] ones = new int[Serials.RANDOM_BITS];
        int widest = 0;
        for (int i = 0; i < COUNT; i++) {
            BigInteger serial = serials.next();
            assertThat(serial.signum()).isPositive();
            assertThat(seen.add(serial)).as("serial %s repeats", serial).isTrue();
            widest = Math.max(widest, serial.bitLength());
            for (int bit = 0; bit < Serials.RANDOM_BITS; bit++) {
                if (serial.testBit(bit)) {
                    ones[bit]++;
                }
            }
        }
        assertThat(Serials.RANDOM_BITS).isGreaterThanOrEqualTo(64);
        assertThat(widest).isEqualTo(Serials.RANDOM_BITS);
        for (int bit = 0; bit < Serials.RANDOM_BITS; bit++) {
            double share = ones[bit] / (double) COUNT;
            assertThat(share).as("bit %d is set %.4f of the time", bit, share).isBetween(0.49, 0.51);
        }
    }

    @Test
    void aSerialFitsRfc5280() {
        BigInteger serial = new Serials(new SecureRandom()).next();
        assertThat(serial.toByteArray().length).isLessThanOrEqualTo(17);
    }

    @Test
    void zeroDrawIsRedrawn() {
        SecureRandom zeroThenOnes = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, calls++ == 0 ? (byte) 0 : (byte) 0xff);
            }
        };
        assertThat(new Serials(zeroThenOnes).next()).isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE));
    }

    @ParameterizedTest
    @CsvSource({
            // input, value in hex
            "01, 1",
            "7f, 7f",
            "00ff, ff",
            "0A:0b:0C, a0b0c",
            "' 1f ', 1f",
            // 20 octets whose high bit is clear: the largest a DER INTEGER allows
            "7fffffffffffffffffffffffffffffffffffffff, 7fffffffffffffffffffffffffffffffffffffff"})
    void parseAccepts(String input, String hex) {
        assertThat(Serials.parse(input)).isEqualTo(new BigInteger(hex, 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "  ", "0", "00", "-1", "-01", "xyz", "0x1f", "1g",
            // 20 octets with the high bit set need a 21st (sign) octet in DER
            "8000000000000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffffffffffff",
            // 21 octets
            "010000000000000000000000000000000000000000"})
    void parseRefuses(String input) {
        assertThatThrownBy(() -> Serials.parse(input)).isInstanceOf(LanyardException.class).extracting("code")
                .isEqualTo("serial-malformed");
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> Serials.parse(null)).extracting("code").isEqualTo("serial-malformed");
    }

    @ParameterizedTest
    @CsvSource({"1, 01", "255, ff", "256, 0100", "4096, 1000"})
    void hexIsEvenLengthLowerCase(long value, String hex) {
        assertThat(Serials.hex(BigInteger.valueOf(value))).isEqualTo(hex);
        assertThat(Serials.parse(Serials.hex(BigInteger.valueOf(value)))).isEqualTo(BigInteger.valueOf(value));
    }
}
