package org.lanyard.cardsim;

import java.security.SecureRandom;
import java.util.Map;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.ManagementKey;

/**
 * The card's side of GENERAL AUTHENTICATE with the management key (9B), SP 800-73-4 part 2
 * appendix A: mutual authentication (witness 80, then witness + challenge 81 → response 82) and
 * external authentication (empty 81 → challenge, then response 82). A wrong answer ends the
 * attempt; the management key has no retry counter, as on a YubiKey.
 */
final class ManagementAuthentication {

    private final ManagementKey key;
    private final SecureRandom random;

    ManagementAuthentication(ManagementKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    ResponseApdu answer(int p1, Map<Integer, byte[]> in, Session s) {
        if (p1 != key.algorithm().id()) {
            s.clearAuthentication();
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        int block = key.algorithm().blockSize();
        byte[] witness = in.get(0x80);
        byte[] challenge = in.get(0x81);
        byte[] response = in.get(0x82);
        if (witness != null && witness.length == 0 && challenge == null && response == null) {
            s.adminAuthenticated = false;
            s.clearAuthentication();
            s.witness = randomBlock(block);
            return PivApplet.ok(Tlv.encode(0x7C, Tlv.encode(0x80, key.encrypt(s.witness))));
        }
        if (witness != null && challenge != null && response == null) {
            byte[] expected = s.witness;
            s.clearAuthentication();
            if (witness.length != block || challenge.length != block) {
                throw Sw.fail(Sw.INCORRECT_DATA);
            }
            if (!KeyCommands.same(expected, witness)) {
                throw Sw.fail(Sw.SECURITY_STATUS);
            }
            s.adminAuthenticated = true;
            return PivApplet.ok(Tlv.encode(0x7C, Tlv.encode(0x82, key.encrypt(challenge))));
        }
        if (challenge != null && challenge.length == 0 && witness == null && response == null) {
            s.adminAuthenticated = false;
            s.clearAuthentication();
            s.challenge = randomBlock(block);
            return PivApplet.ok(Tlv.encode(0x7C, Tlv.encode(0x81, s.challenge)));
        }
        if (response != null && witness == null && challenge == null) {
            byte[] expected = s.challenge;
            s.clearAuthentication();
            if (expected == null || response.length != block || !KeyCommands.same(key.encrypt(expected), response)) {
                throw Sw.fail(Sw.SECURITY_STATUS);
            }
            s.adminAuthenticated = true;
            return PivApplet.ok();
        }
        s.clearAuthentication();
        throw Sw.fail(Sw.INCORRECT_DATA);
    }

    private byte[] randomBlock(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
