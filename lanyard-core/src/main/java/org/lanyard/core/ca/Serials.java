package org.lanyard.core.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import org.lanyard.core.LanyardException;

/**
 * Serial numbers: 128 bits from a CSPRNG, positive, at most 17 DER octets (RFC 5280 allows 20).
 * Uniqueness is the store's job (unique constraint); a collision draws again. See ADR 0003.
 */
public final class Serials {

    public static final int RANDOM_BITS = 128;

    private final SecureRandom random;

    public Serials(SecureRandom random) {
        this.random = random;
    }

    public BigInteger next() {
        BigInteger serial;
        do {
            byte[] bytes = new byte[RANDOM_BITS / 8];
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    /** Lower-case hex without leading zeros beyond what the value needs (even length). */
    public static String hex(BigInteger serial) {
        String hex = serial.toString(16);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }

    public static BigInteger parse(String hex) {
        String clean = hex == null ? "" : hex.trim().replace(":", "").toLowerCase(Locale.ROOT);
        if (clean.isEmpty() || clean.length() > 40 || !clean.matches("[0-9a-f]+")) {
            throw LanyardException.invalid("serial-malformed", "a serial number is 1 to 40 hex digits");
        }
        BigInteger serial = new BigInteger(clean, 16);
        // RFC 5280 §4.1.2.2: positive, and at most 20 octets as a DER INTEGER (so 159 bits)
        if (serial.signum() == 0 || serial.toByteArray().length > 20) {
            throw LanyardException.invalid("serial-malformed", "a serial number is positive and at most 20 octets");
        }
        return serial;
    }
}
