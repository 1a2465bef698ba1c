package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PivCard;

/**
 * Random APDUs against the virtual card. Under plain {@code mvn test} this replays the seeds in
 * {@code VirtualPivCardFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Input: one flag
 * byte (bit 0: authenticate with the management key first, bit 1: verify the PIN first), then
 * APDUs, each preceded by its length in two bytes, big-endian.
 */
class VirtualPivCardFuzzTest {

    private static final byte[] GET_VERSION = HexFormat.of().parseHex("00FD000000");

    @FuzzTest(maxDuration = "30s")
    void cardAnswersEveryApduWithAStatusWord(byte[] input) {
        VirtualPivCard card = VirtualPivCard.inMemory(42L, Clock.systemUTC());
        if (input.length == 0) {
            return;
        }
        PivCard piv = new PivCard(card);
        if ((input[0] & 1) != 0) {
            piv.authenticate(ManagementKey.DEFAULT);
        }
        if ((input[0] & 2) != 0) {
            piv.verifyPin("123456");
        }
        int i = 1;
        while (i < input.length) {
            int length = ((input[i++] & 0xFF) << 8) | (i < input.length ? input[i++] & 0xFF : 0);
            byte[] apdu = Arrays.copyOfRange(input, i, Math.min(input.length, i + length));
            i += length;
            byte[] response = card.transmit(apdu);
            assertThat(response).hasSizeGreaterThanOrEqualTo(2);
            int sw = ResponseApdu.parse(response).sw();
            assertThat(sw).as("internal error for %s", HexFormat.of().formatHex(apdu)).isNotEqualTo(0x6F00);
        }
        assertThat(ResponseApdu.parse(card.transmit(GET_VERSION)).sw()).isEqualTo(0x9000);
    }
}
