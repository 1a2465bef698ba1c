package org.lanyard.cards.piv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import org.lanyard.cards.CardChannel;

/** A card that is a script: each APDU must be the next one expected, and gets the scripted answer. */
final class ScriptedChannel implements CardChannel {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Deque<String[]> script = new ArrayDeque<>();

    ScriptedChannel expect(String command, String response) {
        script.add(new String[] {command.replace(" ", ""), response.replace(" ", "")});
        return this;
    }

    @Override
    public byte[] transmit(byte[] command) {
        String[] next = script.poll();
        assertThat(next).as("no more APDUs expected, got %s", HEX.formatHex(command)).isNotNull();
        assertThat(HEX.formatHex(command)).isEqualTo(next[0]);
        return HEX.parseHex(next[1]);
    }

    void assertDone() {
        assertThat(script).as("expected APDUs not sent").isEmpty();
    }
}
