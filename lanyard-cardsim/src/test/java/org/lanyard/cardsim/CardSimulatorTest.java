package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The vpcd protocol, with this test playing vpcd: length-prefixed control bytes and APDUs. */
class CardSimulatorTest {

    @Test
    void speaksTheVpcdProtocolAndSaysWhenReady() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CardSimulator sim = new CardSimulator("127.0.0.1:" + vpcd.getLocalPort(), null, 31337L,
                     new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            sim.start();
            try (Socket s = vpcd.accept()) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                DataInputStream in = new DataInputStream(s.getInputStream());
                send(out, new byte[] {0x01});
                send(out, new byte[] {0x04});
                assertThat(receive(in)).isEqualTo(VirtualPivCard.ATR);
                assertThat(sim.awaitReady(5, TimeUnit.SECONDS)).isTrue();

                send(out, HexFormat.of().parseHex("00F8000000"));
                assertThat(receive(in)).containsExactly(0x00, 0x00, 0x7A, 0x69, 0x90, 0x00);

                send(out, HexFormat.of().parseHex("002000800831323334353680FF"));
                send(out, new byte[] {0x02});
                send(out, HexFormat.of().parseHex("0020008000"));
                assertThat(receive(in)).containsExactly(0x63, 0xC2);
                assertThat(receive(in)).containsExactly(0x63, 0xC2);
            }
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("card ready: serial 31337");
    }

    private static void send(DataOutputStream out, byte[] payload) throws Exception {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private static byte[] receive(DataInputStream in) throws Exception {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return b;
    }
}
