package org.lanyard.cardsim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One TCP connection to vsmartcard's vpcd, the card side of its protocol: each message is a
 * two-byte big-endian length and a payload. One-byte payloads are control: 00 power off, 01 power
 * on, 02 reset (no reply), 04 get ATR (reply: the ATR). Anything else is a command APDU and gets
 * the response APDU.
 */
final class VpcdConnection implements AutoCloseable {

    /** Told when pcscd first powers the card or asks for its ATR. */
    interface Listener {
        void powered();
    }

    private final Socket socket;
    private final VirtualPivCard card;

    VpcdConnection(InetSocketAddress address, VirtualPivCard card, int connectTimeoutMillis) throws IOException {
        this.card = card;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, connectTimeoutMillis);
    }

    /** Serves vpcd until it closes the connection or {@link #close()} is called. */
    void serve(Listener listener) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        card.powerCycle();
        while (true) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (java.io.EOFException e) {
                return;
            }
            byte[] message = new byte[length];
            in.readFully(message);
            if (length == 1) {
                switch (message[0]) {
                    case 0x00, 0x01, 0x02 -> {
                        card.powerCycle();
                        if (message[0] == 0x01) {
                            listener.powered();
                        }
                    }
                    case 0x04 -> {
                        send(out, card.atr());
                        listener.powered();
                    }
                    default -> { }
                }
            } else {
                send(out, card.transmit(message));
            }
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
