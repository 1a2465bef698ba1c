package org.lanyard.cards.piv.apdu;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.lanyard.cards.CardException;
import org.lanyard.cards.CommandApdu;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;

/**
 * Where one {@link PivCommand} stands on the wire, as a value: which APDU is awaiting its answer,
 * how much of the data has gone out, and what the card has answered so far. It does no I/O.
 * {@link #start} says what to send first; {@link #accept} takes the card's answer and says what
 * to send next or that the command is done. Between the two the state can be {@link #encode()
 * encoded}, stored and {@link #decode decoded} on another node, so a card session survives the
 * round trip to an agent.
 *
 * <p>Out: data over 255 bytes goes in pieces with CLA 10 (ISO 7816-4 command chaining), each
 * piece waiting for 9000; a piece the card refuses ends the command with the card's status. In:
 * {@code 61xx} is answered with GET RESPONSE for xx bytes (00: 256) and the parts are joined;
 * {@code 6Cxx} (wrong Le) resends the same APDU with Le xx, once per length.
 *
 * @param sent     bytes of the command data sent so far, the awaited APDU's included
 * @param received response data joined so far (earlier parts of a 61xx chain)
 * @param awaiting the APDU whose answer {@link #accept} expects next
 */
public record ResponseAssembler(PivCommand command, int sent, byte[] received, CommandApdu awaiting) {

    /** What to do next. */
    public sealed interface Next permits Send, Done {
    }

    /** Send {@code apdu}; feed its answer to {@code then}. */
    public record Send(CommandApdu apdu, ResponseAssembler then) implements Next {
    }

    /** The command is over: the whole response data and the final status word (any status word). */
    public record Done(PivCommand command, ResponseApdu response) implements Next {
    }

    static final int PIECE = 255;
    /** A card that keeps saying 61xx past this is broken or hostile. */
    static final int MAX_RESPONSE = 1 << 16;
    private static final int CHAIN = 0x10;
    private static final int GET_RESPONSE = 0xC0;
    private static final int FORMAT = 1;

    public ResponseAssembler {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(awaiting, "awaiting");
        received = received.clone();
        if (sent < 0 || sent > command.data().length) {
            throw new IllegalArgumentException("sent must be within the command data");
        }
    }

    @Override
    public byte[] received() {
        return received.clone();
    }

    /** The first APDU of a command. */
    public static Send start(PivCommand command) {
        return piece(command, 0);
    }

    /** The card's answer to {@link #awaiting()}. */
    public Next accept(ResponseApdu response) {
        int sw = response.sw();
        if (sent < command.data().length) {
            return sw == ResponseApdu.SW_OK ? piece(command, sent) : new Done(command, response);
        }
        if (response.sw1() == 0x6C && response.data().length == 0 && awaiting.ne() != le(response.sw2())) {
            CommandApdu again = new CommandApdu(awaiting.cla(), awaiting.ins(), awaiting.p1(), awaiting.p2(),
                    awaiting.data(), le(response.sw2()));
            return new Send(again, new ResponseAssembler(command, sent, received, again));
        }
        if (received.length + response.data().length > MAX_RESPONSE) {
            throw new CardException("GET RESPONSE", 0x6700);
        }
        byte[] all = Tlv.concat(received, response.data());
        if (response.sw1() == 0x61) {
            CommandApdu more = new CommandApdu(0x00, GET_RESPONSE, 0x00, 0x00, null, le(response.sw2()));
            return new Send(more, new ResponseAssembler(command, sent, all, more));
        }
        return new Done(command, new ResponseApdu(all, sw));
    }

    private static Send piece(PivCommand command, int offset) {
        byte[] data = command.data();
        boolean last = data.length - offset <= PIECE;
        int end = last ? data.length : offset + PIECE;
        CommandApdu apdu = new CommandApdu(last ? 0x00 : CHAIN, command.ins(), command.p1(), command.p2(),
                Arrays.copyOfRange(data, offset, end), last ? command.ne() : 0);
        return new Send(apdu, new ResponseAssembler(command, end, new byte[0], apdu));
    }

    private static int le(int sw2) {
        return sw2 == 0 ? 256 : sw2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseAssembler a && Arrays.equals(a.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    /** Says where the command stands, without its data or the answer so far (PIN blocks, keys). */
    @Override
    public String toString() {
        return String.format("ResponseAssembler[%s, %d of %d bytes sent, %d received]", command.operation(), sent,
                command.data().length, received.length);
    }

    /** A versioned byte form of this state, to keep between agent round trips. */
    public byte[] encode() {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(command.ins());
        header.write(command.p1());
        header.write(command.p2());
        header.write(command.ne() >>> 8);
        header.write(command.ne());
        return Tlv.concat(Tlv.encode(0x80, new byte[] {FORMAT}),
                Tlv.encode(0x81, command.operation().getBytes(StandardCharsets.UTF_8)),
                Tlv.encode(0x82, header.toByteArray()),
                Tlv.encode(0x83, command.data()),
                Tlv.encode(0x84, ByteBuffer.allocate(4).putInt(sent).array()),
                Tlv.encode(0x85, received),
                Tlv.encode(0x86, awaiting.encode()));
    }

    /** The state {@link #encode()} wrote; anything else is an {@link IllegalArgumentException}. */
    public static ResponseAssembler decode(byte[] encoded) {
        try {
            Map<Integer, byte[]> m = Tlv.parseMap(encoded);
            byte[] format = require(m, 0x80);
            if (format.length != 1 || format[0] != FORMAT) {
                throw new IllegalArgumentException("unknown response assembler format");
            }
            byte[] h = require(m, 0x82);
            byte[] sent = require(m, 0x84);
            if (h.length != 5 || sent.length != 4) {
                throw new IllegalArgumentException("bad response assembler header");
            }
            PivCommand command = new PivCommand(new String(require(m, 0x81), StandardCharsets.UTF_8), h[0] & 0xFF,
                    h[1] & 0xFF, h[2] & 0xFF, require(m, 0x83), ((h[3] & 0xFF) << 8) | (h[4] & 0xFF));
            return new ResponseAssembler(command, ByteBuffer.wrap(sent).getInt(), require(m, 0x85),
                    CommandApdu.parse(require(m, 0x86)));
        } catch (Tlv.MalformedTlvException e) {
            throw new IllegalArgumentException("not an encoded response assembler", e);
        }
    }

    private static byte[] require(Map<Integer, byte[]> m, int tag) {
        byte[] v = m.get(tag);
        if (v == null) {
            throw new IllegalArgumentException(String.format("encoded response assembler lacks tag %02X", tag));
        }
        return v;
    }
}
