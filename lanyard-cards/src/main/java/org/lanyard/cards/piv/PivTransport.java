package org.lanyard.cards.piv;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.CardException;
import org.lanyard.cards.CommandApdu;
import org.lanyard.cards.ResponseApdu;

/**
 * Command chaining (CLA 10, 255-byte pieces) and response chaining (61xx answered with GET
 * RESPONSE) over a {@link CardChannel}, so callers deal in whole commands and whole answers.
 */
final class PivTransport {

    private static final int CHAIN = 0x10;
    private static final int MAX_RESPONSE = 1 << 16;

    private final CardChannel channel;

    PivTransport(CardChannel channel) {
        this.channel = channel;
    }

    /** Sends a command and returns its data; any status word but 9000 becomes a CardException. */
    byte[] send(String operation, int ins, int p1, int p2, byte[] data) {
        ResponseApdu r = exchange(ins, p1, p2, data);
        if (r.sw() != ResponseApdu.SW_OK) {
            throw CardException.of(operation, r.sw());
        }
        return r.data();
    }

    /** Sends a command and returns the whole response, whatever the status word. */
    ResponseApdu exchange(int ins, int p1, int p2, byte[] data) {
        int offset = 0;
        while (data.length - offset > 255) {
            byte[] piece = Arrays.copyOfRange(data, offset, offset + 255);
            ResponseApdu r = transmit(new CommandApdu(CHAIN, ins, p1, p2, piece, 0));
            if (r.sw() != ResponseApdu.SW_OK) {
                return r;
            }
            offset += 255;
        }
        byte[] last = Arrays.copyOfRange(data, offset, data.length);
        ResponseApdu r = transmit(new CommandApdu(0x00, ins, p1, p2, last, 256));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(r.data());
        while (r.sw1() == 0x61) {
            int ne = r.sw2() == 0 ? 256 : r.sw2();
            r = transmit(new CommandApdu(0x00, 0xC0, 0x00, 0x00, null, ne));
            all.writeBytes(r.data());
            if (all.size() > MAX_RESPONSE) {
                throw new CardException("GET RESPONSE", 0x6700);
            }
        }
        return new ResponseApdu(all.toByteArray(), r.sw());
    }

    private ResponseApdu transmit(CommandApdu command) {
        return ResponseApdu.parse(channel.transmit(command.encode()));
    }
}
