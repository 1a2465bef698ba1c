package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.YubicoPiv;

/** The APDU layer of the virtual card: framing, chaining, Le, and answers to nonsense. */
class VirtualPivCardTest {

    private static final HexFormat HEX = HexFormat.of();

    private VirtualPivCard card;

    @BeforeEach
    void freshCard() {
        card = VirtualPivCard.inMemory(1L, Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "nothing,                         '',                                  6700",
        "three bytes,                     00A404,                              6700",
        "Lc longer than data,             00A404000AA000,                      6700",
        "Lc shorter than data,            00A4040002A0000003,                  6700",
        "extended Lc of zero with data,   00A40400000000A0,                    6700",
        "proprietary class,               80A4040000,                          6E00",
        "secure messaging class,          0CA4040000,                          6E00",
        "unknown instruction,             00EE000000,                          6D00",
        "unknown AID (OpenPGP),           00A4040006D27600012401,              6A82",
        "Yubico management AID,           00A4040008A000000527471117,          6A82",
        "select by file id,               00A4000C023F00,                      6A82",
        "GET RESPONSE without pending,    00C0000000,                          6985",
        "GET DATA wrong P1P2,             00CB000005 5C035FC102,               6A86",
        "GET DATA not a tag list,         00CB3FFF03 0102FF,                   6A80",
        "GET DATA tag too long,           00CB3FFF06 5C045FC1020A,             6A80",
        "GET DATA truncated TLV,          00CB3FFF03 5C055F,                   6A80",
        "GET DATA indefinite length,      00CB3FFF02 5C80,                     6A80",
        "VERIFY PUK reference,            0020008108 3132333435363738,         6A88",
        "VERIFY seven bytes,              0020008007 31323334353637,           6A80",
        "change PIN short data,           0024008004 31323334,                 6A80",
        "GENERATE without admin,          0047009A05 AC03800111,               6982",
        "AUTHENTICATE empty slot,         0087119A06 7C0482008100,             6A88",
        "AUTHENTICATE no 7C,              0087039B02 8000,                     6A80",
        "AUTHENTICATE wrong algorithm,    0087089B04 7C028000,                 6A86",
        "AUTHENTICATE witness w/o request, 0087039B16 7C14800800000000000000008108000000000000000000,  6982",
        "ATTEST attestation slot,         00F9F90000,                          6A86",
        "METADATA unknown slot,           00F7007700,                          6A88",
        "RESET while PIN not blocked,     00FB000000,                          6985",
        "SET PIN RETRIES without admin,   00FA050500,                          6982",
    })
    void malformedOrRefusedCommandsGetAStatusWord(String what, String apdu, String sw) {
        ResponseApdu r = send(apdu.replace(" ", ""));
        assertThat(String.format("%04X", r.sw())).as(what).isEqualTo(sw);
        assertThat(r.data()).as(what).isEmpty();
    }

    @Test
    void shortLeIsHonouredAndTheRestComesWithGetResponse() {
        ResponseApdu first = send("00CB3FFF055C035FC10208");
        assertThat(first.data()).hasSize(8);
        assertThat(first.sw1()).isEqualTo(0x61);
        int remaining = first.sw2();
        ResponseApdu rest = send(String.format("00C00000%02X", remaining));
        assertThat(rest.sw()).isEqualTo(0x9000);
        assertThat(rest.data()).hasSize(remaining);
        assertThat(rest.data()[rest.data().length - 1]).isEqualTo((byte) 0x00);
        ResponseApdu whole = send("00CB3FFF055C035FC10200");
        assertThat(whole.data()).isEqualTo(concat(first.data(), rest.data()));
    }

    @Test
    void extendedApdusAreUnderstood() {
        PivCard piv = new PivCard(card);
        piv.authenticate(ManagementKey.DEFAULT);
        byte[] object = new byte[1000];
        Arrays.fill(object, (byte) 7);
        piv.writeObject(PivSlot.KEY_MANAGEMENT.certificateTag(), object);

        ResponseApdu r = send("00CB3FFF0000055C035FC10B0000");

        assertThat(r.sw()).isEqualTo(0x9000);
        assertThat(r.data()).hasSize(1004);
    }

    @Test
    void chainLongerThanTheCardTakesIsRefusedAndForgotten() {
        String piece = "10DB3FFFFF" + "00".repeat(255);
        for (int i = 0; i < 16; i++) {
            assertThat(send(piece).sw()).isEqualTo(0x9000);
        }
        assertThat(send(piece).sw()).isEqualTo(0x6A84);
        assertThat(send("00FD000000").sw()).isEqualTo(0x9000);
    }

    @Test
    void chainIsDroppedWhenAnotherCommandInterrupts() {
        assertThat(send("10DB3FFF025C03").sw()).isEqualTo(0x9000);
        ResponseApdu version = send("00FD000000");
        assertThat(version.data()).containsExactly(5, 4, 3);
        assertThat(send("00DB3FFF035FC102").sw()).isEqualTo(0x6982);
    }

    @Test
    void anyOtherCommandDiscardsAPendingResponse() {
        assertThat(send("00CB3FFF055C035FC10208").sw1()).isEqualTo(0x61);
        send("00FD000000");
        assertThat(send("00C0000000").sw()).isEqualTo(0x6985);
    }

    @Test
    void stateSurvivesInTheFileAndIsReadBack(@TempDir Path dir) {
        Path file = dir.resolve("card.properties");
        VirtualPivCard first = VirtualPivCard.open(file, 99L, Clock.systemUTC());
        PivCard piv = new PivCard(first);
        piv.authenticate(ManagementKey.DEFAULT);
        var key = piv.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256);
        piv.changePin("123456", "777777");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> piv.verifyPin("000000"));

        VirtualPivCard again = VirtualPivCard.open(file, 12L, Clock.systemUTC());
        PivCard reopened = new PivCard(again);

        assertThat(again.serial()).isEqualTo(99L);
        assertThat(reopened.pinStatus().triesLeft()).isEqualTo(2);
        reopened.verifyPin("777777");
        assertThat(new YubicoPiv(reopened).metadata(0x9A).publicKey())
                .isEqualTo(org.lanyard.cards.piv.PublicKeyCodec.encode(key));
    }

    private ResponseApdu send(String hex) {
        return ResponseApdu.parse(card.transmit(HEX.parseHex(hex)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
