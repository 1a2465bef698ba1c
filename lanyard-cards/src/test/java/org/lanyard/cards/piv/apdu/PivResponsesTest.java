package org.lanyard.cards.piv.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.cards.piv.apdu.Hex.bytes;
import static org.lanyard.cards.piv.apdu.Hex.response;

import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lanyard.cards.CardException;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PinStatus;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.SlotMetadata;

/** Card answers to typed results and typed errors, with no card. */
class PivResponsesTest {

    private static final PivCommand VERIFY = PivCommands.verifyPin("123456");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "63C2, WrongSecretException",
        "63C0, WrongSecretException",
        "6983, SecretBlockedException",
        "6982, SecurityConditionException",
        "6A82, NotFoundException",
        "6A88, NotFoundException",
        "6D00, UnsupportedCommandException",
        "6E00, UnsupportedCommandException",
        "6A81, UnsupportedCommandException",
        "6A80, CardException",
        "6700, CardException",
    })
    void statusWordsBecomeTypedErrors(String sw, String type) {
        assertThatThrownBy(() -> PivResponses.done(VERIFY, response(sw)))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(e.statusWord()).isEqualTo(Integer.parseInt(sw, 16));
                    assertThat(e.getMessage()).startsWith("VERIFY PIN failed");
                });
    }

    @Test
    void wrongSecretTellsTheTriesLeft() {
        assertThatThrownBy(() -> PivResponses.done(VERIFY, response("63C2")))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
    }

    @Test
    void pinStatusReadsTheRetryCounter() {
        PivCommand status = PivCommands.pinStatus();
        assertThat(PivResponses.pinStatus(status, response("9000"))).isEqualTo(new PinStatus(true, -1));
        assertThat(PivResponses.pinStatus(status, response("63C3"))).isEqualTo(new PinStatus(false, 3));
        assertThat(PivResponses.pinStatus(status, response("6983")).blocked()).isTrue();
        assertThatThrownBy(() -> PivResponses.pinStatus(status, response("6A88"))).isInstanceOf(CardException.NotFoundException.class);
    }

    @Test
    void selectAnswerIsTheApplicationPropertyTemplate() {
        PivCommand select = PivCommands.select();
        byte[] apt = PivResponses.applicationTemplate(select, response("6111" + "4F06000010000100" + "79074F05A000000308" + "9000"));

        assertThat(apt).isEqualTo(bytes("4F06000010000100" + "79074F05A000000308"));
        assertThat(PivResponses.applicationTemplate(select, response("9000"))).isEmpty();
        assertThatThrownBy(() -> PivResponses.applicationTemplate(select, response("6A82"))).isInstanceOf(CardException.NotFoundException.class);
    }

    @Test
    void objectValueIsTheContentOfTheOuterTag() {
        PivCommand get = PivCommands.getData(PivObjects.PRINTED_INFORMATION);
        assertThat(PivResponses.objectValue(get, response("5303010141" + "9000"))).isEqualTo(bytes("010141"));
        assertThatThrownBy(() -> PivResponses.objectValue(get, response("9000")))
                .isInstanceOfSatisfying(CardException.NotFoundException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A82));
        assertThatThrownBy(() -> PivResponses.objectValue(get, response("5305" + "01" + "9000")))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
        assertThatThrownBy(() -> PivResponses.certificate(PivSlot.AUTHENTICATION, bytes("7100")))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
    }

    @Test
    void generatedPublicKeyComesIn7F49() throws Exception {
        PivCommand generate = PivCommands.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256,
                org.lanyard.cards.piv.PinPolicy.DEFAULT, org.lanyard.cards.piv.TouchPolicy.DEFAULT);

        PublicKey key = PivResponses.publicKey(generate, KeyAlgorithm.ECCP256,
                response("7F4943" + "8641" + PivCommandsTest.P256_G + "9000"));

        assertThat(key).isEqualTo(PublicKeyCodec.ecPublicKey(KeyAlgorithm.ECCP256, bytes(PivCommandsTest.P256_G)));
        assertThatThrownBy(() -> PivResponses.publicKey(generate, KeyAlgorithm.ECCP256, response("7F4903860104" + "9000")))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
        assertThatThrownBy(() -> PivResponses.publicKey(generate, KeyAlgorithm.ECCP256, response("6982")))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    @Test
    void signatureIsTheResponseInTheDynamicAuthenticationTemplate() {
        PivCommand sign = PivCommands.sign(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, new byte[32]);
        assertThat(PivResponses.authenticationResult(sign, response("7C05" + "8203" + "300102" + "9000"))).isEqualTo(bytes("300102"));
        assertThatThrownBy(() -> PivResponses.authenticationResult(sign, response("7C03" + "810100" + "9000")))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
        assertThatThrownBy(() -> PivResponses.authenticationResult(sign, response("6982")))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    @Test
    void yubicoAnswers() {
        assertThat(YubicoResponses.version(YubicoCommands.version(), response("050403" + "9000"))).isEqualTo("5.4.3");
        assertThat(YubicoResponses.serial(YubicoCommands.serial(), response("00BC614E" + "9000"))).isEqualTo(12345678L);
        assertThatThrownBy(() -> YubicoResponses.version(YubicoCommands.version(), response("05" + "9000")))
                .isInstanceOf(CardException.class);

        SlotMetadata pin = YubicoResponses.metadata(YubicoCommands.metadata(0x80), response("0101FF" + "050101" + "06020302" + "9000"));
        assertThat(pin).isEqualTo(new SlotMetadata(0xFF, -1, -1, -1, null, true, 3, 2));

        SlotMetadata slot = YubicoResponses.metadata(YubicoCommands.metadata(0x9A),
                response("010111" + "02020201" + "030101" + "0403860104" + "9000"));
        assertThat(slot.algorithm()).isEqualTo(0x11);
        assertThat(slot.pinPolicy()).isEqualTo(2);
        assertThat(slot.touchPolicy()).isEqualTo(1);
        assertThat(slot.origin()).isEqualTo(SlotMetadata.ORIGIN_GENERATED);
        assertThat(slot.publicKey()).isEqualTo(bytes("860104"));
        assertThat(slot.isDefault()).isFalse();
    }
}
