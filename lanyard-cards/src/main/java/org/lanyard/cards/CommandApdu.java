package org.lanyard.cards;

import java.io.ByteArrayOutputStream;

/**
 * A short command APDU (ISO 7816-4). {@code ne} is the expected response length: 0 means no Le
 * field, 1 to 256 an Le byte (256 encoded as {@code 00}). Longer data goes through command chaining
 * in {@code PivCard}, so the client never needs extended APDUs.
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
