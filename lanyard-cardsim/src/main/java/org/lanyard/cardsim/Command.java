package org.lanyard.cardsim;

import java.util.Arrays;

/**
 * A command APDU as the card receives it: short or extended, cases 1 to 4. {@code ne} is the
 * expected response length, 256 when no Le was sent. Anything that does not parse is 6700.
 */
record Command(int cla, int ins, int p1, int p2, byte[] data, int ne) {

    static Command parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw Sw.fail(Sw.WRONG_LENGTH);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        int n = apdu.length;
        if (n == 4) {
            return new Command(cla, ins, p1, p2, new byte[0], 256);
        }
        int b4 = apdu[4] & 0xFF;
        if (n == 5) {
            return new Command(cla, ins, p1, p2, new byte[0], b4 == 0 ? 256 : b4);
        }
        if (b4 != 0) {
            if (n == 5 + b4) {
                return new Command(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n), 256);
            }
            if (n == 6 + b4) {
                int le = apdu[n - 1] & 0xFF;
                return new Command(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n - 1), le == 0 ? 256 : le);
            }
            throw Sw.fail(Sw.WRONG_LENGTH);
        }
        if (n < 7) {
            throw Sw.fail(Sw.WRONG_LENGTH);
        }
        int ext = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (n == 7) {
            return new Command(cla, ins, p1, p2, new byte[0], ext == 0 ? 65536 : ext);
        }
        if (ext == 0) {
            throw Sw.fail(Sw.WRONG_LENGTH);
        }
        if (n == 7 + ext) {
            return new Command(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, n), 65536);
        }
        if (n == 9 + ext) {
            int le = ((apdu[n - 2] & 0xFF) << 8) | (apdu[n - 1] & 0xFF);
            return new Command(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, n - 2), le == 0 ? 65536 : le);
        }
        throw Sw.fail(Sw.WRONG_LENGTH);
    }

    boolean chained() {
        return (cla & 0x10) != 0;
    }
}
