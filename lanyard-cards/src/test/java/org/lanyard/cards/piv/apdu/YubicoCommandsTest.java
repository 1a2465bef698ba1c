package org.lanyard.cards.piv.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.cards.piv.apdu.Hex.apdus;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECPrivateKeySpec;
import org.junit.jupiter.api.Test;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.TouchPolicy;

/** Byte-exact APDUs of Yubico's extensions (INS F7 to FF): Le where the card returns data, none elsewhere. */
class YubicoCommandsTest {

    @Test
    void readingCommandsAskForData() {
        assertThat(apdus(YubicoCommands.version())).containsExactly("00FD000000");
        assertThat(apdus(YubicoCommands.serial())).containsExactly("00F8000000");
        assertThat(apdus(YubicoCommands.attest(PivSlot.AUTHENTICATION))).containsExactly("00F99A0000");
        assertThat(apdus(YubicoCommands.metadata(0x9B))).containsExactly("00F7009B00");
    }

    @Test
    void administrativeCommandsAnswerWithAStatusOnly() {
        assertThat(apdus(YubicoCommands.setPinRetries(5, 4))).containsExactly("00FA0504");
        assertThat(apdus(YubicoCommands.reset())).containsExactly("00FB0000");
    }

    @Test
    void setManagementKeySendsAlgorithmAndKey() {
        String key = "010203040506070801020304050607080102030405060708";
        assertThat(apdus(YubicoCommands.setManagementKey(ManagementKey.DEFAULT, false)))
                .containsExactly("00FFFFFF" + "1B" + "03" + "9B18" + key);
        assertThat(apdus(YubicoCommands.setManagementKey(ManagementKey.DEFAULT, true)))
                .containsExactly("00FFFFFE" + "1B" + "03" + "9B18" + key);
    }

    @Test
    void importOfAnEcKeySendsThePaddedScalarAndPolicies() throws Exception {
        PrivateKey one = KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(BigInteger.ONE, PublicKeyCodec.params(KeyAlgorithm.ECCP256)));

        assertThat(apdus(YubicoCommands.importKey(PivSlot.retired(1), one, PinPolicy.ONCE, TouchPolicy.NEVER)))
                .containsExactly("00FE1182" + "28" + "0620" + "00".repeat(31) + "01" + "AA0102" + "AB0101");
    }
}
