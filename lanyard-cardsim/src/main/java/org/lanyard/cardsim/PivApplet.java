package org.lanyard.cardsim;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.PivObjects;

/**
 * The PIV application of the virtual card: dispatch by INS, SELECT, GET/PUT DATA and the simple
 * Yubico commands. PIN commands are in {@link PinCommands}, key commands in {@link KeyCommands}.
 */
final class PivApplet {

    private static final int MAX_OBJECT = 3072;
    private static final byte[] DISCOVERY = Tlv.concat(Tlv.encode(0x4F, PivObjects.PIV_AID),
            Tlv.encode(0x5F2F, new byte[] {0x40, 0x00}));

    private final CardState state;
    private final Runnable save;
    private final PinCommands pins;
    private final KeyCommands keys;

    PivApplet(CardState state, Runnable save, Clock clock) {
        this.state = state;
        this.save = save;
        this.pins = new PinCommands(state, save);
        this.keys = new KeyCommands(state, save, clock);
    }

    ResponseApdu process(Command c, Session s, boolean justVerified) {
        try {
            return switch (c.ins()) {
                case 0xA4 -> select(c);
                case 0xCB -> getData(c, s);
                case 0xDB -> putData(c, s);
                case 0x20 -> pins.verify(c, s);
                case 0x24 -> pins.change(c, s);
                case 0x2C -> pins.unblock(c, s);
                case 0xFA -> pins.setRetries(c, s);
                case 0x47 -> keys.generate(c, s);
                case 0x87 -> keys.authenticate(c, s, justVerified);
                case 0xFE -> keys.importKey(c, s);
                case 0xF9 -> keys.attest(c);
                case 0xF7 -> keys.metadata(c);
                case 0xFF -> keys.setManagementKey(c, s);
                case 0xFD -> ok(DeviceCa.FIRMWARE.clone());
                case 0xF8 -> ok(ByteBuffer.allocate(4).putInt((int) state.serial).array());
                case 0xFB -> reset(s);
                default -> throw Sw.fail(Sw.INS_NOT_SUPPORTED);
            };
        } catch (Tlv.MalformedTlvException e) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
    }

    static ResponseApdu ok(byte[] data) {
        return new ResponseApdu(data, Sw.OK);
    }

    static ResponseApdu ok() {
        return ResponseApdu.status(Sw.OK);
    }

    /** SELECT by AID; the PIV AID may be given truncated to its first five bytes or more. */
    private ResponseApdu select(Command c) {
        byte[] aid = c.data();
        boolean piv = c.p1() == 0x04 && aid.length >= 5 && aid.length <= PivObjects.PIV_AID.length
                && Arrays.equals(aid, Arrays.copyOf(PivObjects.PIV_AID, aid.length));
        if (!piv) {
            throw Sw.fail(Sw.NOT_FOUND);
        }
        byte[] apt = Tlv.concat(Tlv.encode(0x4F, Arrays.copyOfRange(PivObjects.PIV_AID, 5, 11)),
                Tlv.encode(0x79, Tlv.encode(0x4F, Arrays.copyOf(PivObjects.PIV_AID, 5))));
        return ok(Tlv.encode(0x61, apt));
    }

    private ResponseApdu getData(Command c, Session s) {
        requireP1P2(c);
        List<Tlv.Element> in = Tlv.parse(c.data());
        if (in.size() != 1 || in.get(0).tag() != 0x5C) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        int tag = tagOf(in.get(0).value());
        if (tag == PivObjects.DISCOVERY) {
            return ok(Tlv.encode(0x7E, DISCOVERY));
        }
        byte[] content = state.objects.get(tag);
        if (content == null) {
            throw Sw.fail(Sw.NOT_FOUND);
        }
        if (PivObjects.PIN_PROTECTED.contains(tag)) {
            s.requirePin();
        }
        return ok(Tlv.encode(tag == PivObjects.BIOMETRIC_GROUP_TEMPLATE ? 0x7F61 : 0x53, content));
    }

    private ResponseApdu putData(Command c, Session s) {
        requireP1P2(c);
        s.requireAdmin();
        List<Tlv.Element> in = Tlv.parse(c.data());
        if (in.size() != 2 || in.get(0).tag() != 0x5C) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        int tag = tagOf(in.get(0).value());
        int wrapper = tag == PivObjects.BIOMETRIC_GROUP_TEMPLATE ? 0x7F61 : 0x53;
        if (!PivObjects.isWritable(tag) || in.get(1).tag() != wrapper) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        byte[] content = in.get(1).value();
        if (content.length > MAX_OBJECT) {
            throw Sw.fail(Sw.NO_MEMORY);
        }
        if (content.length == 0) {
            state.objects.remove(tag);
        } else {
            state.objects.put(tag, content);
        }
        save.run();
        return ok();
    }

    /** RESET (Yubico FB): allowed only when PIN and PUK are both blocked. */
    private ResponseApdu reset(Session s) {
        if (state.pinLeft > 0 || state.pukLeft > 0) {
            throw Sw.fail(Sw.CONDITIONS);
        }
        state.resetToFactory();
        save.run();
        s.pinVerified = false;
        s.adminAuthenticated = false;
        s.clearAuthentication();
        return ok();
    }

    private static void requireP1P2(Command c) {
        if (c.p1() != 0x3F || c.p2() != 0xFF) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
    }

    private static int tagOf(byte[] b) {
        if (b.length < 1 || b.length > 3) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        int tag = 0;
        for (byte x : b) {
            tag = (tag << 8) | (x & 0xFF);
        }
        return tag;
    }
}
