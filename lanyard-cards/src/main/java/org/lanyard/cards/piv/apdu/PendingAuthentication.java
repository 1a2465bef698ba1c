package org.lanyard.cards.piv.apdu;

import java.util.Arrays;
import java.util.Map;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.ManagementKey;

/**
 * What mutual authentication with the management key remembers while the card answers its
 * second step: the algorithm and the challenge we sent. It holds no key and nothing secret (the
 * challenge went to the card in the clear), so a card session may store it as it is and finish
 * the authentication on any node that can get the card's management key again.
 */
public record PendingAuthentication(ManagementKey.Algorithm algorithm, byte[] challenge) {

    private static final int FORMAT = 1;

    public PendingAuthentication {
        if (challenge.length != algorithm.blockSize()) {
            throw new IllegalArgumentException("challenge must be one " + algorithm + " block");
        }
        challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingAuthentication p && p.algorithm == algorithm && Arrays.equals(p.challenge, challenge);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(challenge);
    }

    @Override
    public String toString() {
        return "PendingAuthentication[" + algorithm + "]";
    }

    /** A versioned byte form, to keep between agent round trips. */
    public byte[] encode() {
        return Tlv.concat(Tlv.encode(0x80, new byte[] {FORMAT}), Tlv.encode(0x81, new byte[] {(byte) algorithm.id()}),
                Tlv.encode(0x82, challenge));
    }

    /** The state {@link #encode()} wrote; anything else is an {@link IllegalArgumentException}. */
    public static PendingAuthentication decode(byte[] encoded) {
        Map<Integer, byte[]> m;
        try {
            m = Tlv.parseMap(encoded);
        } catch (Tlv.MalformedTlvException e) {
            throw new IllegalArgumentException("not an encoded pending authentication", e);
        }
        byte[] format = m.get(0x80);
        byte[] id = m.get(0x81);
        byte[] challenge = m.get(0x82);
        if (format == null || format.length != 1 || format[0] != FORMAT || id == null || id.length != 1 || challenge == null) {
            throw new IllegalArgumentException("not an encoded pending authentication");
        }
        ManagementKey.Algorithm algorithm = ManagementKey.Algorithm.ofId(id[0] & 0xFF);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown management key algorithm " + (id[0] & 0xFF));
        }
        return new PendingAuthentication(algorithm, challenge);
    }
}
