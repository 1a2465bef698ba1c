package org.lanyard.cards;

import java.util.Arrays;

/** A response APDU: data and the two-byte status word. */
public record ResponseApdu(byte[] data, int sw) {

    public static final int SW_OK = 0x9000;

    public ResponseApdu {
        data = data.clone();
    }

    public static ResponseApdu parse(byte[] response) {
        if (response == null || response.length < 2) {
            throw new CardTransportException("response shorter than a status word");
        }
        int n = response.length;
        return new ResponseApdu(Arrays.copyOf(response, n - 2), ((response[n - 2] & 0xFF) << 8) | (response[n - 1] & 0xFF));
    }

    public static ResponseApdu status(int sw) {
        return new ResponseApdu(new byte[0], sw);
    }

    public int sw1() {
        return sw >>> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    public byte[] encode() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
