package org.lanyard.cardsim;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.ResponseApdu;

/**
 * A software PIV card that behaves like a YubiKey 5: the APDU layer (parsing, command chaining,
 * response chaining with 61xx and GET RESPONSE, Le) lives here; the commands are in
 * {@link PivApplet}. Whatever arrives, the answer is a status word: a malformed or hostile APDU
 * never throws out of {@link #transmit}.
 */
public final class VirtualPivCard implements CardChannel {

    /** YubiKey 5 NFC ATR: with it OpenSC's PIV driver enables elliptic-curve keys. */
    public static final byte[] ATR = HexFormat.of().parseHex("3BFD1300008131FE158073C021C057597562694B657940");

    private static final int MAX_CHAIN = 4096;

    private final CardState state;
    private final Path file;
    private final PivApplet applet;
    private Session session = new Session();
    private ByteArrayOutputStream chain;
    private int chainHeader = -1;
    private byte[] pending;

    private VirtualPivCard(CardState state, Path file, Clock clock) {
        this.state = state;
        this.file = file;
        this.applet = new PivApplet(state, this::save, clock);
    }

    /** A card that lives only in memory, for unit tests. */
    public static VirtualPivCard inMemory(long serial, Clock clock) {
        return new VirtualPivCard(CardState.factory(serial, clock), null, clock);
    }

    /** The card kept in {@code file}; a fresh factory card with {@code serial} when the file is absent. */
    public static VirtualPivCard open(Path file, long serial, Clock clock) {
        if (Files.exists(file)) {
            return new VirtualPivCard(StateFile.load(file), file, clock);
        }
        CardState state = CardState.factory(serial, clock);
        StateFile.save(state, file);
        return new VirtualPivCard(state, file, clock);
    }

    public byte[] atr() {
        return ATR.clone();
    }

    public long serial() {
        return state.serial;
    }

    /** Power on, power off and reset all end the session: PIN and management key must be proven again. */
    public synchronized void powerCycle() {
        session = new Session();
        chain = null;
        pending = null;
    }

    @Override
    public synchronized byte[] transmit(byte[] apdu) {
        try {
            return process(apdu).encode();
        } catch (StatusException e) {
            return ResponseApdu.status(e.sw).encode();
        } catch (RuntimeException e) {
            chain = null;
            pending = null;
            return ResponseApdu.status(Sw.UNKNOWN).encode();
        }
    }

    private ResponseApdu process(byte[] apdu) {
        Command c;
        try {
            c = Command.parse(apdu);
        } catch (StatusException e) {
            chain = null;
            throw e;
        }
        if ((c.cla() & ~0x10) != 0) {
            chain = null;
            throw Sw.fail(Sw.CLA_NOT_SUPPORTED);
        }
        if (c.ins() == 0xC0 && !c.chained()) {
            return getResponse(c);
        }
        pending = null;
        int header = (c.ins() << 16) | (c.p1() << 8) | c.p2();
        if (c.chained()) {
            if (chain == null || chainHeader != header) {
                chain = new ByteArrayOutputStream();
                chainHeader = header;
            }
            if (chain.size() + c.data().length > MAX_CHAIN) {
                chain = null;
                throw Sw.fail(Sw.NO_MEMORY);
            }
            chain.writeBytes(c.data());
            return ResponseApdu.status(Sw.OK);
        }
        byte[] data = c.data();
        if (chain != null && chainHeader == header) {
            chain.writeBytes(data);
            data = chain.toByteArray();
        }
        chain = null;
        Command whole = new Command(c.cla(), c.ins(), c.p1(), c.p2(), data, c.ne());
        boolean justVerified = session.pinJustVerified;
        session.pinJustVerified = false;
        ResponseApdu r = applet.process(whole, session, justVerified);
        return firstPart(r, c.ne());
    }

    private ResponseApdu firstPart(ResponseApdu r, int ne) {
        byte[] data = r.data();
        if (data.length <= ne) {
            return r;
        }
        pending = Arrays.copyOfRange(data, ne, data.length);
        return new ResponseApdu(Arrays.copyOf(data, ne), moreData());
    }

    private ResponseApdu getResponse(Command c) {
        if (c.p1() != 0 || c.p2() != 0) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        if (pending == null) {
            throw Sw.fail(Sw.CONDITIONS);
        }
        byte[] data = pending;
        pending = null;
        return firstPart(new ResponseApdu(data, Sw.OK), c.ne());
    }

    private int moreData() {
        return 0x6100 | (pending.length >= 256 ? 0 : pending.length);
    }

    private void save() {
        if (file != null) {
            StateFile.save(state, file);
        }
    }
}
