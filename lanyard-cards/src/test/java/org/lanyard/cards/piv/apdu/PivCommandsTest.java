package org.lanyard.cards.piv.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.cards.piv.apdu.Hex.apdus;
import static org.lanyard.cards.piv.apdu.Hex.bytes;

import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.TouchPolicy;

/**
 * Byte-exact APDUs of the PIV commands, in the command formats of SP 800-73-4 part 2 section 3
 * (Le present only where the card returns data) and the GENERAL AUTHENTICATE templates of its
 * appendix A.
 */
class PivCommandsTest {

    /** The base point of P-256, a public key anyone can check. */
    static final String P256_G = "04"
            + "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
            + "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5";

    @Test
    void selectSendsTheFullPivAidWithLe() {
        assertThat(apdus(PivCommands.select())).containsExactly("00A40400" + "0B" + "A000000308000010000100" + "00");
    }

    @Test
    void getDataNamesTheObjectInATagList() {
        assertThat(apdus(PivCommands.getData(PivObjects.CHUID))).containsExactly("00CB3FFF" + "05" + "5C035FC102" + "00");
        assertThat(apdus(PivCommands.getData(PivObjects.DISCOVERY))).containsExactly("00CB3FFF" + "03" + "5C017E" + "00");
        assertThat(apdus(PivCommands.getData(PivObjects.BIOMETRIC_GROUP_TEMPLATE))).containsExactly("00CB3FFF" + "04" + "5C027F61" + "00");
    }

    @Test
    void putDataHasNoLe() {
        assertThat(apdus(PivCommands.putData(PivObjects.PRINTED_INFORMATION, bytes("010141"))))
                .containsExactly("00DB3FFF" + "0A" + "5C035FC109" + "5303010141");
    }

    @Test
    void putDataOverTwoHundredFiftyFiveBytesIsChained() {
        byte[] content = new byte[300];
        java.util.Arrays.fill(content, (byte) 0x44);

        assertThat(apdus(PivCommands.putData(PivSlot.AUTHENTICATION.certificateTag(), content))).containsExactly(
                "10DB3FFF" + "FF" + "5C035FC105" + "5382012C" + "44".repeat(246),
                "00DB3FFF" + "36" + "44".repeat(54));
    }

    @Test
    void verifyAndFriendsCarryEightBytePinBlocks() {
        assertThat(apdus(PivCommands.verifyPin("123456"))).containsExactly("00200080" + "08" + "313233343536FFFF");
        assertThat(apdus(PivCommands.pinStatus())).containsExactly("00200080");
        assertThat(apdus(PivCommands.logout())).containsExactly("0020FF80");
        assertThat(apdus(PivCommands.changePin("123456", "654321")))
                .containsExactly("00240080" + "10" + "313233343536FFFF" + "363534333231FFFF");
        assertThat(apdus(PivCommands.changePuk("12345678", "87654321")))
                .containsExactly("00240081" + "10" + "3132333435363738" + "3837363534333231");
        assertThat(apdus(PivCommands.unblockPin("12345678", "123456")))
                .containsExactly("002C0080" + "10" + "3132333435363738" + "313233343536FFFF");
    }

    @Test
    void pinBlockRefusesEmptyAndLongPins() {
        assertThat(PivCommands.pinBlock("1")).isEqualTo(bytes("31FFFFFFFFFFFFFF"));
        assertThatThrownBy(() -> PivCommands.pinBlock("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PivCommands.pinBlock("123456789")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generateSendsTheControlTemplate() {
        assertThat(apdus(PivCommands.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, PinPolicy.DEFAULT, TouchPolicy.DEFAULT)))
                .containsExactly("0047009A" + "05" + "AC03800111" + "00");
        assertThat(apdus(PivCommands.generateKey(PivSlot.CARD_AUTHENTICATION, KeyAlgorithm.RSA2048, PinPolicy.NEVER, TouchPolicy.ALWAYS)))
                .containsExactly("0047009E" + "0B" + "AC09800107AA0101AB0102" + "00");
    }

    @Test
    void ecSignatureSendsTheHashAsChallenge() {
        String hash = "11".repeat(32);

        assertThat(apdus(PivCommands.sign(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, bytes(hash))))
                .containsExactly("0087119A" + "26" + "7C24" + "8200" + "8120" + hash + "00");
    }

    @Test
    void rsaSignatureIsChainedLikeAppendixA() {
        byte[] block = new byte[256];
        java.util.Arrays.fill(block, (byte) 0x33);

        assertThat(apdus(PivCommands.sign(PivSlot.SIGNATURE, KeyAlgorithm.RSA2048, block))).containsExactly(
                "1087079C" + "FF" + "7C820106" + "8200" + "81820100" + "33".repeat(245),
                "0087079C" + "0B" + "33".repeat(11) + "00");
    }

    @Test
    void ecdhSendsThePeerPointAsExponentiation() throws Exception {
        ECPublicKey peer = PublicKeyCodec.ecPublicKey(KeyAlgorithm.ECCP256, bytes(P256_G));

        assertThat(apdus(PivCommands.agree(PivSlot.KEY_MANAGEMENT, KeyAlgorithm.ECCP256, peer)))
                .containsExactly("0087119D" + "47" + "7C45" + "8200" + "8541" + P256_G + "00");
    }

    @Test
    void keyHistoryObject() {
        assertThat(apdus(PivCommands.putKeyHistory(2, 1, null)))
                .containsExactly("00DB3FFF" + "0F" + "5C035FC10C" + "5308" + "C10102" + "C20101" + "FE00");
    }

    @Test
    void commandsNeverShowTheirDataInText() {
        assertThat(PivCommands.verifyPin("123456").toString()).doesNotContain("31").contains("VERIFY PIN");
    }
}
