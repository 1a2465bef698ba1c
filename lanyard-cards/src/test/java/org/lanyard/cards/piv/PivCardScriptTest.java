package org.lanyard.cards.piv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lanyard.cards.CardException;

/**
 * The blocking client over a scripted card: the APDUs it sends, and how it reads answers that
 * come in parts. The same client against the virtual card is tested in lanyard-cardsim.
 */
class PivCardScriptTest {

    @Test
    void objectInThreePartsIsReadWhole() {
        ScriptedChannel card = new ScriptedChannel()
                .expect("00CB3FFF 05 5C035FC109 00", "5306 010203 6103")
                .expect("00C0000003", "040506 6101")
                .expect("00C0000001", "9000");

        assertThat(new PivCard(card).readObject(PivObjects.PRINTED_INFORMATION)).containsExactly(1, 2, 3, 4, 5, 6);
        card.assertDone();
    }

    @Test
    void wrongPinSaysHowManyTriesAreLeft() {
        ScriptedChannel card = new ScriptedChannel().expect("00200080 08 303030303030FFFF", "63C2");

        assertThatThrownBy(() -> new PivCard(card).verifyPin("000000"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
    }

    @Test
    void yubicoCommandsRunOnTheSameSession() {
        ScriptedChannel card = new ScriptedChannel()
                .expect("00A40400 0B A000000308000010000100 00", "6111 4F06000010000100 79074F05A000000308 9000")
                .expect("00FD000000", "050403 9000")
                .expect("00F8000000", "00BC614E 9000");
        PivCard piv = new PivCard(card);

        piv.select();
        YubicoPiv yubico = new YubicoPiv(piv);

        assertThat(yubico.version()).isEqualTo("5.4.3");
        assertThat(yubico.serial()).isEqualTo(12345678L);
        card.assertDone();
    }
}
