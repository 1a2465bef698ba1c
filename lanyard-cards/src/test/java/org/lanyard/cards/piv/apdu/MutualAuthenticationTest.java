package org.lanyard.cards.piv.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.cards.piv.apdu.Hex.apdus;
import static org.lanyard.cards.piv.apdu.Hex.bytes;
import static org.lanyard.cards.piv.apdu.Hex.response;

import org.junit.jupiter.api.Test;
import org.lanyard.cards.CardException;
import org.lanyard.cards.piv.ManagementKey;

/**
 * Mutual authentication with the management key as in SP 800-73-4 part 2 appendix A.2, with
 * fixed witness and challenge. The ciphertexts were computed outside Java ({@code openssl enc
 * -des-ede3 / -aes-128-ecb -nopad}); the AES one is the FIPS-197 appendix C.1 vector.
 */
class MutualAuthenticationTest {

    private static final ManagementKey AES = new ManagementKey(ManagementKey.Algorithm.AES128, bytes("000102030405060708090A0B0C0D0E0F"));

    @Test
    void threeDesWithTheFactoryKey() {
        PivCommand request = MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES);
        assertThat(apdus(request)).containsExactly("0087039B" + "04" + "7C028000" + "00");

        MutualAuthentication.Answer answer = MutualAuthentication.answer(ManagementKey.DEFAULT, request,
                response("7C0A" + "8008" + "90152A4C1CF42780" + "9000"), bytes("A1A2A3A4A5A6A7A8"));

        assertThat(apdus(answer.command()))
                .containsExactly("0087039B" + "16" + "7C14" + "8008" + "0001020304050607" + "8108" + "A1A2A3A4A5A6A7A8" + "00");
        MutualAuthentication.verify(ManagementKey.DEFAULT, answer.pending(), answer.command(),
                response("7C0A" + "8208" + "199FA374705A69EB" + "9000"));
    }

    @Test
    void aes128() {
        PivCommand request = MutualAuthentication.requestWitness(AES.algorithm());
        assertThat(apdus(request)).containsExactly("0087089B047C02800000");

        MutualAuthentication.Answer answer = MutualAuthentication.answer(AES, request,
                response("7C12" + "8010" + "69C4E0D86A7B0430D8CDB78070B4C55A" + "9000"), bytes("0F0E0D0C0B0A09080706050403020100"));

        assertThat(apdus(answer.command())).containsExactly("0087089B" + "26" + "7C24"
                + "8010" + "00112233445566778899AABBCCDDEEFF" + "8110" + "0F0E0D0C0B0A09080706050403020100" + "00");
        MutualAuthentication.verify(AES, answer.pending(), answer.command(),
                response("7C12" + "8210" + "20A9F992B44C5BE8041FFCDC6CAE996A" + "9000"));
    }

    @Test
    void aCardWithAnotherKeyIsNotTrusted() {
        PendingAuthentication pending = new PendingAuthentication(ManagementKey.Algorithm.TDES, bytes("A1A2A3A4A5A6A7A8"));
        PivCommand sent = MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES);

        assertThatThrownBy(() -> MutualAuthentication.verify(ManagementKey.DEFAULT, pending, sent,
                response("7C0A" + "8208" + "0000000000000000" + "9000"))).isInstanceOf(SecurityException.class);
    }

    @Test
    void refusalsAndBadWitnessesAreCardErrors() {
        PivCommand request = MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES);
        byte[] challenge = bytes("A1A2A3A4A5A6A7A8");

        assertThatThrownBy(() -> MutualAuthentication.answer(ManagementKey.DEFAULT, request, response("6A86"), challenge))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A86));
        assertThatThrownBy(() -> MutualAuthentication.answer(ManagementKey.DEFAULT, request, response("7C06" + "8004" + "01020304" + "9000"), challenge))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
        assertThatThrownBy(() -> MutualAuthentication.answer(ManagementKey.DEFAULT, request, response("9000"), challenge))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A80));
        PendingAuthentication pending = new PendingAuthentication(ManagementKey.Algorithm.TDES, challenge);
        assertThatThrownBy(() -> MutualAuthentication.verify(ManagementKey.DEFAULT, pending, request, response("6982")))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    @Test
    void pendingStateSurvivesEncodingAndHoldsNoKey() {
        PendingAuthentication pending = new PendingAuthentication(ManagementKey.Algorithm.AES128, bytes("0F0E0D0C0B0A09080706050403020100"));

        byte[] stored = pending.encode();

        assertThat(Hex.of(stored)).isEqualTo("800101" + "810108" + "8210" + "0F0E0D0C0B0A09080706050403020100");
        assertThat(PendingAuthentication.decode(stored)).isEqualTo(pending);
        assertThat(pending.toString()).doesNotContain("0F0E");
        assertThatThrownBy(() -> PendingAuthentication.decode(bytes("800102810108"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PendingAuthentication.decode(bytes("8001018101778200"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PendingAuthentication(ManagementKey.Algorithm.TDES, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecondStepCanBeFinishedElsewhere() {
        PivCommand request = MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES);
        MutualAuthentication.Answer answer = MutualAuthentication.answer(ManagementKey.DEFAULT, request,
                response("7C0A800890152A4C1CF427809000"), bytes("A1A2A3A4A5A6A7A8"));
        byte[] stored = answer.pending().encode();

        PendingAuthentication restored = PendingAuthentication.decode(stored);

        MutualAuthentication.verify(ManagementKey.DEFAULT, restored, answer.command(), response("7C0A8208199FA374705A69EB9000"));
    }
}
