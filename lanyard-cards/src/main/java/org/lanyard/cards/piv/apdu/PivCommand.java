package org.lanyard.cards.piv.apdu;

import java.util.Arrays;

/**
 * One command of the PIV application as the caller means it, before it is cut into APDUs: the
 * data may be longer than a short APDU holds, and {@link ResponseAssembler} does the chaining.
 * Keeping the whole command (not its pieces) is what lets a card session resume a half-sent
 * command on another node. {@link #toString()} never shows the data: it may hold a PIN block.
 *
 * @param operation what the command does, in words, for error messages and session logs
 * @param ne        0 when the command returns no data (no Le field), else 256 (Le {@code 00})
 */
public record PivCommand(String operation, int ins, int p1, int p2, byte[] data, int ne) {

    public PivCommand {
        data = data == null ? new byte[0] : data.clone();
        if (ne != 0 && ne != 256) {
            throw new IllegalArgumentException("Ne of a whole command is 0 or 256, got " + ne);
        }
        if ((ins | p1 | p2) >>> 8 != 0) {
            throw new IllegalArgumentException("INS, P1 and P2 are single bytes");
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PivCommand c && c.operation.equals(operation) && c.ins == ins && c.p1 == p1 && c.p2 == p2
                && c.ne == ne && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return ((ins * 31 + p1) * 31 + p2) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("%s (INS %02X P1 %02X P2 %02X, %d data bytes)", operation, ins, p1, p2, data.length);
    }
}
