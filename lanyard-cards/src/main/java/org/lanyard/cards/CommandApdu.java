package org.lanyard.cards;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A short command APDU (ISO 7816-4). {@code ne} is the expected response length: 0 means no Le
 * field, 1 to 256 an Le byte (256 encoded as {@code 00}). Longer data goes through command chaining
 * ({@code ResponseAssembler}), so the client never needs extended APDUs, which not every reader passes.
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {

    public CommandApdu {
        data = data == null ? new byte[0] : data.clone();
        if (data.length > 255) {
            throw new IllegalArgumentException("short APDU data is at most 255 bytes, got " + data.length);
        }
        if (ne < 0 || ne > 256) {
            throw new IllegalArgumentException("Ne must be 0..256, got " + ne);
        }
    }

    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {
        this(cla, ins, p1, p2, data, 256);
    }

    /**
     * Reads a short APDU back from its bytes (cases 1 to 4), so a command kept as bytes between
     * two steps of a card session, or logged by an agent, can be inspected and resent.
     */
    public static CommandApdu parse(byte[] apdu) {
        int n = apdu.length;
        if (n < 4) {
            throw new IllegalArgumentException("an APDU has at least four header bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (n == 4) {
            return new CommandApdu(cla, ins, p1, p2, null, 0);
        }
        int b4 = apdu[4] & 0xFF;
        if (n == 5) {
            return new CommandApdu(cla, ins, p1, p2, null, b4 == 0 ? 256 : b4);
        }
        if (b4 != 0 && n == 5 + b4) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n), 0);
        }
        if (b4 != 0 && n == 6 + b4) {
            int le = apdu[n - 1] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n - 1), le == 0 ? 256 : le);
        }
        throw new IllegalArgumentException("not a short APDU: Lc does not match the length");
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 6);
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.writeBytes(data);
        }
        if (ne > 0) {
            out.write(ne == 256 ? 0 : ne);
        }
        return out.toByteArray();
    }
}
