package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lanyard.cards.CardException;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PinStatus;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.SlotMetadata;
import org.lanyard.cards.piv.TouchPolicy;
import org.lanyard.cards.piv.YubicoPiv;

class PivCardTest {

    private static final byte[] MESSAGE = "sign me".getBytes(StandardCharsets.UTF_8);

    private VirtualPivCard virtualCard;
    private PivCard card;
    private YubicoPiv yubico;

    @BeforeEach
    void freshCard() {
        virtualCard = VirtualPivCard.inMemory(12345678L, Clock.systemUTC());
        card = new PivCard(virtualCard);
        yubico = new YubicoPiv(card);
        card.select();
    }

    @Test
    void selectAnswersWithTheApplicationPropertyTemplate() {
        Map<Integer, byte[]> apt = org.lanyard.cards.Tlv.parseMap(card.select());
        assertThat(apt.get(0x4F)).containsExactly(HexFormat.of().parseHex("000010000100"));
        assertThat(apt).containsKey(0x79);
    }

    @Test
    void versionAndSerialAreYubicoStyle() {
        assertThat(yubico.version()).isEqualTo("5.4.3");
        assertThat(yubico.serial()).isEqualTo(12345678L);
    }

    @Test
    void factoryCardHasDiscoveryChuidAndCcc() {
        Map<Integer, byte[]> discovery = org.lanyard.cards.Tlv.parseMap(card.readObject(PivObjects.DISCOVERY));
        assertThat(discovery.get(0x4F)).containsExactly(PivObjects.PIV_AID);
        assertThat(discovery.get(0x5F2F)).containsExactly(0x40, 0x00);
        assertThat(card.readObjectFields(PivObjects.CHUID).get(0x34)).hasSize(16);
        assertThat(card.readObjectFields(PivObjects.CARD_CAPABILITY_CONTAINER).get(0xF0)).hasSize(21);
        assertThatThrownBy(() -> card.readObject(PivObjects.SECURITY_OBJECT)).isInstanceOf(CardException.NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(ManagementKey.Algorithm.class)
    void everyManagementKeyAlgorithmAuthenticates(ManagementKey.Algorithm algorithm) {
        card.authenticate(ManagementKey.DEFAULT);
        ManagementKey key = new ManagementKey(algorithm, Arrays.copyOf(HexFormat.of().parseHex(
                "0f0e0d0c0b0a09080706050403020100f0e1d2c3b4a5968778695a4b3c2d1e0f"), algorithm.keyLength()));
        yubico.setManagementKey(key, false);

        PivCard next = new PivCard(virtualCard);
        virtualCard.powerCycle();
        assertThatThrownBy(() -> next.authenticate(ManagementKey.DEFAULT)).isInstanceOf(CardException.class);
        next.authenticate(key);
        next.writeObject(PivObjects.PRINTED_INFORMATION, new byte[] {1, 2, 3});
        assertThat(yubico.metadata(PivCard.MANAGEMENT_KEY).algorithm()).isEqualTo(algorithm.id());
        assertThat(yubico.metadata(PivCard.MANAGEMENT_KEY).isDefault()).isFalse();
    }

    @Test
    void wrongManagementKeyIsRefusedAndGrantsNothing() {
        ManagementKey wrong = new ManagementKey(ManagementKey.Algorithm.TDES, new byte[24]);
        assertThatThrownBy(() -> card.authenticate(wrong))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6982));
        assertThatThrownBy(() -> card.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256))
                .isInstanceOf(CardException.SecurityConditionException.class);
        ManagementKey aes = new ManagementKey(ManagementKey.Algorithm.AES128, new byte[16]);
        assertThatThrownBy(() -> card.authenticate(aes)).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.statusWord()).isEqualTo(0x6A86));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatedKeySignsAndTheSignatureVerifies(KeyAlgorithm algorithm) throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        PublicKey pub = card.generateKey(PivSlot.AUTHENTICATION, algorithm);
        assertThat(PublicKeyCodec.algorithmOf(pub)).isEqualTo(algorithm);
        assertThatThrownBy(() -> sign(PivSlot.AUTHENTICATION, algorithm)).isInstanceOf(CardException.SecurityConditionException.class);

        card.verifyPin("123456");
        byte[] sig = sign(PivSlot.AUTHENTICATION, algorithm);

        Signature v = Signature.getInstance(algorithm.isEc() ? "SHA256withECDSA" : "SHA256withRSA");
        v.initVerify(pub);
        v.update(MESSAGE);
        assertThat(v.verify(sig)).isTrue();
        SlotMetadata meta = yubico.metadata(PivSlot.AUTHENTICATION.keyRef());
        assertThat(meta.algorithm()).isEqualTo(algorithm.id());
        assertThat(meta.origin()).isEqualTo(SlotMetadata.ORIGIN_GENERATED);
        assertThat(PublicKeyCodec.decode(algorithm, meta.publicKey())).isEqualTo(pub);
    }

    @Test
    void rsaKeyDecryptsWhatItsPublicKeyEncrypted() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        PublicKey pub = card.generateKey(PivSlot.KEY_MANAGEMENT, KeyAlgorithm.RSA2048);
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.ENCRYPT_MODE, pub);
        byte[] ciphertext = c.doFinal(MESSAGE);
        card.verifyPin("123456");

        byte[] block = card.decrypt(PivSlot.KEY_MANAGEMENT, ciphertext);

        assertThat(block).hasSize(256);
        assertThat(block[0]).isZero();
        assertThat(block[1]).isEqualTo((byte) 2);
        assertThat(Arrays.copyOfRange(block, block.length - MESSAGE.length, block.length)).isEqualTo(MESSAGE);
    }

    @Test
    void ecdhAgreesWithTheSoftwareSide() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        ECPublicKey cardKey = (ECPublicKey) card.generateKey(PivSlot.KEY_MANAGEMENT, KeyAlgorithm.ECCP384);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair peer = g.generateKeyPair();
        card.verifyPin("123456");

        byte[] onCard = card.agree(PivSlot.KEY_MANAGEMENT, KeyAlgorithm.ECCP384, (ECPublicKey) peer.getPublic());

        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(peer.getPrivate());
        ka.doPhase(cardKey, true);
        assertThat(onCard).isEqualTo(ka.generateSecret());
    }

    @Test
    void certificateOverTwoHundredFiftySixBytesRoundTripsWithChaining() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        PublicKey pub = card.generateKey(PivSlot.SIGNATURE, KeyAlgorithm.RSA2048);
        card.verifyPin("123456");
        X509Certificate cert = TestCertificates.selfSigned(card, PivSlot.SIGNATURE, KeyAlgorithm.RSA2048, pub, "chained");
        assertThat(cert.getEncoded().length).isGreaterThan(600);

        card.writeCertificate(PivSlot.SIGNATURE, cert);

        X509Certificate back = new PivCard(virtualCard).readCertificate(PivSlot.SIGNATURE);
        assertThat(back).isEqualTo(cert);
        back.verify(pub);
    }

    @Test
    void largestObjectFitsAndOversizedIsRefused() {
        card.authenticate(ManagementKey.DEFAULT);
        byte[] big = new byte[3000];
        Arrays.fill(big, (byte) 0x5A);
        card.writeObject(PivSlot.retired(20).certificateTag(), big);
        assertThat(card.readObject(PivSlot.retired(20).certificateTag())).isEqualTo(big);
        assertThatThrownBy(() -> card.writeObject(PivObjects.PRINTED_INFORMATION, new byte[3500]))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6A84));
    }

    @Test
    void deletingACertificateRemovesTheObject() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        card.writeObject(PivSlot.CARD_AUTHENTICATION.certificateTag(), new byte[] {0x70, 0x00});
        card.deleteCertificate(PivSlot.CARD_AUTHENTICATION);
        assertThatThrownBy(() -> card.readObject(PivSlot.CARD_AUTHENTICATION.certificateTag()))
                .isInstanceOf(CardException.NotFoundException.class);
    }

    @Test
    void keyHistoryAndProtectedObjects() {
        card.authenticate(ManagementKey.DEFAULT);
        card.writeKeyHistory(2, 1, "http://example.test/keys");
        Map<Integer, byte[]> history = card.readObjectFields(PivObjects.KEY_HISTORY);
        assertThat(history.get(0xC1)).containsExactly(2);
        assertThat(history.get(0xC2)).containsExactly(1);
        assertThat(new String(history.get(0xF3), StandardCharsets.US_ASCII)).isEqualTo("http://example.test/keys");

        card.writeObject(PivObjects.PRINTED_INFORMATION, new byte[] {0x01, 0x01, 0x41});
        assertThatThrownBy(() -> card.readObject(PivObjects.PRINTED_INFORMATION))
                .isInstanceOf(CardException.SecurityConditionException.class);
        card.verifyPin("123456");
        assertThat(card.readObject(PivObjects.PRINTED_INFORMATION)).containsExactly(0x01, 0x01, 0x41);
    }

    @Test
    void pinBlocksAfterItsRetriesAndThePukUnblocksIt() {
        assertThat(card.pinStatus()).isEqualTo(new PinStatus(false, 3));
        assertThatThrownBy(() -> card.verifyPin("000000"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
        assertThatThrownBy(() -> card.verifyPin("000000"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(1));
        assertThatThrownBy(() -> card.verifyPin("000000"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isZero());
        assertThatThrownBy(() -> card.verifyPin("123456")).isInstanceOf(CardException.SecretBlockedException.class);
        assertThat(card.pinStatus().blocked()).isTrue();

        assertThatThrownBy(() -> card.unblockPin("87654321", "654321"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
        card.unblockPin("12345678", "654321");

        assertThat(card.pinStatus()).isEqualTo(new PinStatus(false, 3));
        card.verifyPin("654321");
        assertThat(card.pinStatus().verified()).isTrue();
        assertThat(yubico.metadata(PivCard.PUK).retriesLeft()).isEqualTo(3);
    }

    @Test
    void correctPinResetsTheCounterAndLogoutForgetsIt() {
        assertThatThrownBy(() -> card.verifyPin("000000")).isInstanceOf(CardException.WrongSecretException.class);
        card.verifyPin("123456");
        assertThat(yubico.metadata(PivCard.PIN).retriesLeft()).isEqualTo(3);
        card.logout();
        assertThat(card.pinStatus()).isEqualTo(new PinStatus(false, 3));
    }

    @Test
    void changePinAndPuk() {
        card.changePin("123456", "24681357");
        assertThatThrownBy(() -> card.verifyPin("123456")).isInstanceOf(CardException.WrongSecretException.class);
        card.verifyPin("24681357");
        assertThat(yubico.metadata(PivCard.PIN).isDefault()).isFalse();
        assertThatThrownBy(() -> card.changePin("24681357", "123")).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.statusWord()).isEqualTo(0x6A80));

        card.changePuk("12345678", "87654321");
        assertThatThrownBy(() -> card.changePuk("12345678", "11111111"))
                .isInstanceOfSatisfying(CardException.WrongSecretException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
        card.unblockPin("87654321", "112233");
        card.verifyPin("112233");
    }

    @Test
    void blockedPukMakesUnblockImpossibleAndAllowsReset() {
        assertThatThrownBy(() -> yubico.reset()).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.statusWord()).isEqualTo(0x6985));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> card.verifyPin("999999")).isInstanceOf(CardException.class);
            assertThatThrownBy(() -> card.unblockPin("99999999", "111111")).isInstanceOf(CardException.class);
        }
        assertThatThrownBy(() -> card.unblockPin("12345678", "111111")).isInstanceOf(CardException.SecretBlockedException.class);

        yubico.reset();

        card.verifyPin("123456");
        card.authenticate(ManagementKey.DEFAULT);
        assertThat(yubico.metadata(PivCard.PUK).retriesLeft()).isEqualTo(3);
    }

    @Test
    void resetWipesKeysButKeepsSerialAndAttestation() {
        card.authenticate(ManagementKey.DEFAULT);
        card.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> card.verifyPin("999999")).isInstanceOf(CardException.class);
            assertThatThrownBy(() -> card.changePuk("99999999", "11111111")).isInstanceOf(CardException.class);
        }
        yubico.reset();
        assertThatThrownBy(() -> yubico.metadata(PivSlot.AUTHENTICATION.keyRef())).isInstanceOf(CardException.NotFoundException.class);
        assertThat(yubico.serial()).isEqualTo(12345678L);
        assertThat(card.readObject(PivObjects.ATTESTATION_CERTIFICATE)).isNotEmpty();
    }

    @Test
    void setPinRetriesChangesLimitsAndRestoresFactoryPins() {
        card.changePin("123456", "654321");
        card.authenticate(ManagementKey.DEFAULT);
        assertThatThrownBy(() -> yubico.setPinRetries(5, 4)).isInstanceOf(CardException.SecurityConditionException.class);
        card.verifyPin("654321");

        yubico.setPinRetries(5, 4);

        assertThat(card.pinStatus()).isEqualTo(new PinStatus(false, 5));
        card.verifyPin("123456");
        SlotMetadata puk = yubico.metadata(PivCard.PUK);
        assertThat(puk.retriesTotal()).isEqualTo(4);
        assertThat(puk.isDefault()).isTrue();
    }

    @Test
    void pinPolicyAlwaysNeedsTheVerifyRightBefore() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        card.generateKey(PivSlot.SIGNATURE, KeyAlgorithm.ECCP256);
        card.verifyPin("123456");
        sign(PivSlot.SIGNATURE, KeyAlgorithm.ECCP256);
        assertThatThrownBy(() -> sign(PivSlot.SIGNATURE, KeyAlgorithm.ECCP256))
                .isInstanceOf(CardException.SecurityConditionException.class);
        assertThat(yubico.metadata(PivSlot.SIGNATURE.keyRef()).pinPolicy()).isEqualTo(PinPolicy.ALWAYS.id());
    }

    @Test
    void cardAuthenticationKeyNeedsNoPin() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        PublicKey pub = card.generateKey(PivSlot.CARD_AUTHENTICATION, KeyAlgorithm.ECCP256, PinPolicy.NEVER, TouchPolicy.NEVER);
        byte[] sig = sign(PivSlot.CARD_AUTHENTICATION, KeyAlgorithm.ECCP256);
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(pub);
        v.update(MESSAGE);
        assertThat(v.verify(sig)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void importedKeySignsAndCannotBeAttested(KeyAlgorithm algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.jcaName());
        if (algorithm.isEc()) {
            g.initialize(new ECGenParameterSpec(algorithm.curve()));
        } else {
            g.initialize(2048);
        }
        KeyPair pair = g.generateKeyPair();
        card.authenticate(ManagementKey.DEFAULT);
        yubico.importKey(PivSlot.retired(3), pair.getPrivate(), PinPolicy.ONCE, TouchPolicy.NEVER);
        card.verifyPin("123456");

        byte[] sig = sign(PivSlot.retired(3), algorithm);

        Signature v = Signature.getInstance(algorithm.isEc() ? "SHA256withECDSA" : "SHA256withRSA");
        v.initVerify(pair.getPublic());
        v.update(MESSAGE);
        assertThat(v.verify(sig)).isTrue();
        SlotMetadata meta = yubico.metadata(PivSlot.retired(3).keyRef());
        assertThat(meta.origin()).isEqualTo(SlotMetadata.ORIGIN_IMPORTED);
        assertThat(PublicKeyCodec.decode(algorithm, meta.publicKey())).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> yubico.attest(PivSlot.retired(3))).isInstanceOf(CardException.class);
    }

    @Test
    void attestationCertifiesTheGeneratedKeyUnderTheDeviceCa() throws Exception {
        card.authenticate(ManagementKey.DEFAULT);
        PublicKey pub = card.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256);

        X509Certificate attestation = yubico.attest(PivSlot.AUTHENTICATION);

        X509Certificate deviceCa = card.readCertificate(PivSlot.ATTESTATION);
        attestation.verify(deviceCa.getPublicKey());
        assertThat(attestation.getPublicKey()).isEqualTo(pub);
        assertThat(attestation.getIssuerX500Principal()).isEqualTo(deviceCa.getSubjectX500Principal());
        assertThat(attestation.getSubjectX500Principal().getName()).contains("YubiKey PIV Attestation 9a");
        assertThat(attestation.getExtensionValue("1.3.6.1.4.1.41482.3.7")).isNotNull();
        assertThatThrownBy(() -> yubico.attest(PivSlot.KEY_MANAGEMENT)).isInstanceOf(CardException.NotFoundException.class);
    }

    @Test
    void writingNeedsTheManagementKey() {
        assertThatThrownBy(() -> card.writeObject(PivObjects.CHUID, new byte[] {1}))
                .isInstanceOf(CardException.SecurityConditionException.class);
        assertThatThrownBy(() -> yubico.setManagementKey(ManagementKey.DEFAULT, false))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    @Test
    void powerCycleForgetsPinAndManagementKey() {
        card.verifyPin("123456");
        card.authenticate(ManagementKey.DEFAULT);
        virtualCard.powerCycle();
        assertThat(card.pinStatus().verified()).isFalse();
        assertThatThrownBy(() -> card.writeObject(PivObjects.CHUID, new byte[] {1}))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    private byte[] sign(PivSlot slot, KeyAlgorithm algorithm) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        return card.sign(slot, algorithm, algorithm.isEc() ? hash : Pkcs1.sha256Block(hash, algorithm.size()));
    }
}
