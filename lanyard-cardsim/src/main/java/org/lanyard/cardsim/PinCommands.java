package org.lanyard.cardsim;

import java.security.MessageDigest;
import java.util.Arrays;
import org.lanyard.cards.ResponseApdu;

/**
 * VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER (SP 800-73-4 part 2 §3.2) and Yubico's SET
 * PIN RETRIES. Every wrong try is saved before the answer goes out, so pulling the card (killing
 * the simulator) never gives a try back.
 */
final class PinCommands {

    private static final int PIN = 0x80;
    private static final int PUK = 0x81;

    private final CardState state;
    private final Runnable save;

    PinCommands(CardState state, Runnable save) {
        this.state = state;
        this.save = save;
    }

    ResponseApdu verify(Command c, Session s) {
        if (c.p2() != PIN) {
            throw Sw.fail(Sw.REF_NOT_FOUND);
        }
        if (c.p1() == 0xFF) {
            if (c.data().length != 0) {
                throw Sw.fail(Sw.WRONG_LENGTH);
            }
            s.pinVerified = false;
            return PivApplet.ok();
        }
        if (c.p1() != 0x00) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        if (state.pinLeft == 0) {
            throw Sw.fail(Sw.BLOCKED);
        }
        if (c.data().length == 0) {
            return ResponseApdu.status(s.pinVerified ? Sw.OK : 0x63C0 | state.pinLeft);
        }
        if (c.data().length != 8) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        if (!MessageDigest.isEqual(c.data(), state.pin)) {
            s.pinVerified = false;
            state.pinLeft--;
            save.run();
            return ResponseApdu.status(0x63C0 | state.pinLeft);
        }
        if (state.pinLeft != state.pinMax) {
            state.pinLeft = state.pinMax;
            save.run();
        }
        s.pinVerified = true;
        s.pinJustVerified = true;
        return PivApplet.ok();
    }

    /** CHANGE REFERENCE DATA of the PIN (80) or PUK (81): old value then new, 8 bytes each. */
    ResponseApdu change(Command c, Session s) {
        if (c.p1() != 0x00 || (c.p2() != PIN && c.p2() != PUK)) {
            throw Sw.fail(c.p1() != 0 ? Sw.INCORRECT_P1P2 : Sw.REF_NOT_FOUND);
        }
        boolean pin = c.p2() == PIN;
        if ((pin ? state.pinLeft : state.pukLeft) == 0) {
            throw Sw.fail(Sw.BLOCKED);
        }
        byte[][] parts = split(c.data());
        if (!MessageDigest.isEqual(parts[0], pin ? state.pin : state.puk)) {
            int left = pin ? --state.pinLeft : --state.pukLeft;
            if (pin) {
                s.pinVerified = false;
            }
            save.run();
            return ResponseApdu.status(0x63C0 | left);
        }
        if (pin) {
            state.pin = parts[1];
            state.pinLeft = state.pinMax;
        } else {
            state.puk = parts[1];
            state.pukLeft = state.pukMax;
        }
        save.run();
        return PivApplet.ok();
    }

    /** RESET RETRY COUNTER: PUK then new PIN; unblocks the PIN. */
    ResponseApdu unblock(Command c, Session s) {
        if (c.p1() != 0x00 || c.p2() != PIN) {
            throw Sw.fail(c.p1() != 0 ? Sw.INCORRECT_P1P2 : Sw.REF_NOT_FOUND);
        }
        if (state.pukLeft == 0) {
            throw Sw.fail(Sw.BLOCKED);
        }
        byte[][] parts = split(c.data());
        if (!MessageDigest.isEqual(parts[0], state.puk)) {
            state.pukLeft--;
            save.run();
            return ResponseApdu.status(0x63C0 | state.pukLeft);
        }
        state.pin = parts[1];
        state.pinLeft = state.pinMax;
        state.pukLeft = state.pukMax;
        s.pinVerified = false;
        save.run();
        return PivApplet.ok();
    }

    /** Yubico SET PIN RETRIES (FA): P1 PIN tries, P2 PUK tries; resets PIN and PUK to factory values. */
    ResponseApdu setRetries(Command c, Session s) {
        s.requireAdmin();
        s.requirePin();
        if (c.p1() == 0 || c.p2() == 0 || c.p1() > 15 || c.p2() > 15) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        state.pinMax = state.pinLeft = c.p1();
        state.pukMax = state.pukLeft = c.p2();
        state.pin = org.lanyard.cards.piv.PivCard.pinBlock(CardState.DEFAULT_PIN);
        state.puk = org.lanyard.cards.piv.PivCard.pinBlock(CardState.DEFAULT_PUK);
        s.pinVerified = false;
        save.run();
        return PivApplet.ok();
    }

    /** Splits 16 bytes into current and new value; the new one must be 6 to 8 characters padded with FF. */
    private static byte[][] split(byte[] data) {
        if (data.length != 16) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        byte[] current = Arrays.copyOf(data, 8);
        byte[] next = Arrays.copyOfRange(data, 8, 16);
        if (!wellFormed(next)) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        return new byte[][] {current, next};
    }

    static boolean wellFormed(byte[] block) {
        int n = 0;
        while (n < 8 && block[n] != (byte) 0xFF) {
            n++;
        }
        for (int i = n; i < 8; i++) {
            if (block[i] != (byte) 0xFF) {
                return false;
            }
        }
        return n >= 6;
    }
}
