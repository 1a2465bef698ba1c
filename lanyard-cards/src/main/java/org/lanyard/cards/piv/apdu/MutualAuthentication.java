package org.lanyard.cards.piv.apdu;

import java.security.MessageDigest;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.ManagementKey;

/**
 * Mutual authentication with the management key (key reference 9B; SP 800-73-4 part 2 appendix
 * A.2) in two steps that hold no live state: {@link #requestWitness} asks the card for a witness
 * (its random block, encrypted); {@link #answer} decrypts it and adds our challenge; {@link
 * #verify} checks that the card encrypted the challenge with the same key. Between steps the
 * only state is a {@link PendingAuthentication}. The key is needed in {@code answer} and {@code
 * verify} and goes nowhere else: what goes to the card (and through an agent) is the decrypted
 * witness and the challenge, never the key.
 */
public final class MutualAuthentication {

    /** The command of the second step and what {@link #verify} will need. */
    public record Answer(PivCommand command, PendingAuthentication pending) {
    }

    private static final String OPERATION = "AUTHENTICATE 9B";

    private MutualAuthentication() {
    }

    /** Step 1: {@code 7C 02 80 00}, an empty witness: "send me a witness". */
    public static PivCommand requestWitness(ManagementKey.Algorithm algorithm) {
        return command(algorithm, Tlv.encode(0x80, new byte[0]));
    }

    /**
     * Step 2: the decrypted witness (80) and our challenge (81). {@code challenge} must be one
     * fresh random block of the key's cipher; the caller draws it, so this stays deterministic.
     * A witness that is missing or not one block is a {@code CardException} 6A80.
     */
    public static Answer answer(ManagementKey key, PivCommand sent, ResponseApdu witnessResponse, byte[] challenge) {
        byte[] witness = PivResponses.dynamicAuthentication(sent, witnessResponse, 0x80);
        if (witness.length != key.algorithm().blockSize()) {
            throw new CardException(OPERATION, 0x6A80);
        }
        PendingAuthentication pending = new PendingAuthentication(key.algorithm(), challenge);
        PivCommand command = command(key.algorithm(), Tlv.concat(Tlv.encode(0x80, key.decrypt(witness)), Tlv.encode(0x81, challenge)));
        return new Answer(command, pending);
    }

    /**
     * Step 3, no command: the card's answer (82) must be our challenge encrypted under the key.
     * A card that refused the witness answers 6982 ({@code SecurityConditionException}); a card
     * with another key is a {@link SecurityException}: it is not the card we think it is.
     */
    public static void verify(ManagementKey key, PendingAuthentication pending, PivCommand sent, ResponseApdu response) {
        if (key.algorithm() != pending.algorithm()) {
            throw new IllegalArgumentException("pending authentication is for " + pending.algorithm() + ", key is " + key.algorithm());
        }
        byte[] answer = PivResponses.dynamicAuthentication(sent, response, 0x82);
        if (!MessageDigest.isEqual(answer, key.encrypt(pending.challenge()))) {
            throw new SecurityException("the card does not hold this management key");
        }
    }

    private static PivCommand command(ManagementKey.Algorithm algorithm, byte[] template) {
        return new PivCommand(OPERATION, PivCommands.GENERAL_AUTHENTICATE, algorithm.id(), PivCommands.MANAGEMENT_KEY,
                Tlv.encode(0x7C, template), 256);
    }
}
