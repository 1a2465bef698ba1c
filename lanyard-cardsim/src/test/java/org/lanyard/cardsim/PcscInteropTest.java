package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.cards.CardException;
import org.lanyard.cards.pcsc.PcscCardChannel;
import org.lanyard.cards.pcsc.PcscReaders;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.YubicoPiv;

/**
 * Lanyard's library and OpenSC on the same virtual card through pcscd and vpcd. The steps build
 * on each other (key, certificate, PIN changes), hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscInteropTest {

    private static final String M = PcscLab.PKCS11_MODULE;

    @TempDir
    static Path dir;
    private static PcscLab lab;
    private static PcscReaders readers;
    private static X509Certificate certificate;

    @BeforeAll
    static void startStack() throws Exception {
        lab = PcscLab.start(dir);
        readers = PcscReaders.open(PcscReaders.DEBIAN_LIBRARY);
        assertThat(readers.waitForCard(PcscLab.READER, Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    static void stopStack() {
        if (lab != null) {
            long pid = lab.pcscdPid();
            lab.close();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pcscd stopped").isFalse();
        }
    }

    @Test
    @Order(1)
    void readersAndCardAreVisibleToLanyardAndOpenSc() throws Exception {
        assertThat(lab.simulatorOutput()).contains("card ready");
        assertThat(readers.list()).contains(PcscLab.READER);
        assertThat(readers.isCardPresent(PcscLab.READER)).isTrue();
        try (PcscCardChannel channel = readers.connect(PcscLab.READER, true)) {
            assertThat(channel.atr()).isEqualTo(VirtualPivCard.ATR);
            PivCard card = new PivCard(channel);
            card.select();
            assertThat(new YubicoPiv(card).serial()).isEqualTo(4711L);
        }
        PcscLab.Result name = lab.run("opensc-tool", "-n");
        assertThat(name.output()).contains("Personal Identity Verification Card");
    }

    @Test
    @Order(2)
    void keyAndCertificateWrittenByLanyardAreListedByPkcs15Tool() throws Exception {
        try (PcscCardChannel channel = readers.connect(PcscLab.READER, true)) {
            PivCard card = new PivCard(channel);
            card.select();
            card.authenticate(ManagementKey.DEFAULT);
            PublicKey key = card.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256);
            card.verifyPin("123456");
            certificate = TestCertificates.selfSigned(card, PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, key, "Lanyard Interop");
            card.writeCertificate(PivSlot.AUTHENTICATION, certificate);
        }

        PcscLab.Result list = lab.run("pkcs15-tool", "--list-certificates", "--list-keys");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("Certificate for PIV Authentication").contains("PIV AUTH key").contains("ID             : 01");

        PcscLab.Result pem = lab.run("pkcs15-tool", "--read-certificate", "01");
        assertThat(parsePem(pem.output())).isEqualTo(certificate);
    }

    @Test
    @Order(3)
    void pkcs11ToolSignatureVerifiesWithOpenssl() throws Exception {
        Path data = Files.writeString(dir.resolve("data.txt"), "signed through OpenSC\n");
        Files.writeString(dir.resolve("cert.pem"), toPem(certificate));

        PcscLab.Result sign = lab.run("pkcs11-tool", "--module", M, "--login", "--pin", "123456", "--sign", "--id", "01",
                "-m", "ECDSA-SHA256", "--signature-format", "openssl", "-i", data.toString(), "-o", "sig.der");
        assertThat(sign.exitCode()).as(sign.output()).isZero();
        PcscLab.Result pub = lab.run("openssl", "x509", "-in", "cert.pem", "-pubkey", "-noout", "-out", "pub.pem");
        assertThat(pub.exitCode()).as(pub.output()).isZero();
        PcscLab.Result verify = lab.run("openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", data.toString());

        assertThat(verify.output()).contains("Verified OK");
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(certificate.getPublicKey());
        v.update(Files.readAllBytes(data));
        assertThat(v.verify(Files.readAllBytes(dir.resolve("sig.der")))).isTrue();
    }

    @Test
    @Order(4)
    void pinChangedByOpenScWorksInLanyardAndBack() throws Exception {
        PcscLab.Result change = lab.run("pkcs15-tool", "--change-pin", "--pin", "123456", "--new-pin", "24682468");
        assertThat(change.exitCode()).as(change.output()).isZero();
        withCard(card -> {
            assertThatThrownBy(() -> card.verifyPin("123456")).isInstanceOf(CardException.WrongSecretException.class);
            card.verifyPin("24682468");
            card.changePin("24682468", "13571357");
        });
        assertThat(login("13571357").exitCode()).isZero();
        assertThat(login("24682468").exitCode()).isNotZero();
        withCard(card -> card.changePin("13571357", "123456"));
    }

    @Test
    @Order(5)
    void pinBlockedThroughOpenScIsUnblockedByLanyard() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("000000").exitCode()).isNotZero();
        }
        assertThat(login("123456").output()).contains("CKR_PIN_LOCKED");
        withCard(card -> {
            assertThat(card.pinStatus().blocked()).isTrue();
            card.unblockPin("12345678", "123456");
            assertThat(card.pinStatus().triesLeft()).isEqualTo(3);
        });
        assertThat(login("123456").exitCode()).isZero();
    }

    @Test
    @Order(6)
    void pinBlockedThroughLanyardIsUnblockedByOpenSc() throws Exception {
        withCard(card -> {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> card.verifyPin("999999")).isInstanceOf(CardException.class);
            }
            assertThatThrownBy(() -> card.verifyPin("123456")).isInstanceOf(CardException.SecretBlockedException.class);
        });
        assertThat(login("123456").output()).contains("CKR_PIN_LOCKED");

        PcscLab.Result unblock = lab.run("pkcs15-tool", "--unblock-pin", "--puk", "12345678", "--new-pin", "11223344");
        assertThat(unblock.exitCode()).as(unblock.output()).isZero();

        withCard(card -> card.verifyPin("11223344"));
        assertThat(Files.readString(lab.stateFile)).contains("pin.left=3");
    }

    @Test
    @Order(7)
    void removedCardComesBackWithItsState() throws Exception {
        lab.removeCard();
        assertThat(readers.waitForRemoval(PcscLab.READER, Duration.ofSeconds(20))).isTrue();
        assertThat(readers.isCardPresent(PcscLab.READER)).isFalse();

        lab.insertCard();

        assertThat(readers.waitForCard(PcscLab.READER, Duration.ofSeconds(20))).isTrue();
        withCard(card -> {
            assertThat(card.pinStatus().verified()).isFalse();
            card.verifyPin("11223344");
            assertThat(card.readCertificate(PivSlot.AUTHENTICATION)).isEqualTo(certificate);
        });
    }

    private PcscLab.Result login(String pin) throws Exception {
        return lab.run("pkcs11-tool", "--module", M, "--login", "--pin", pin, "--list-objects");
    }

    interface CardStep {
        void run(PivCard card) throws Exception;
    }

    private static void withCard(CardStep step) throws Exception {
        try (PcscCardChannel channel = readers.connect(PcscLab.READER, true)) {
            PivCard card = new PivCard(channel);
            card.select();
            step.run(card);
        }
    }

    private static X509Certificate parsePem(String text) throws Exception {
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        int end = text.indexOf("-----END CERTIFICATE-----");
        assertThat(begin).as(text).isNotNegative();
        String b64 = text.substring(begin + 27, end).replaceAll("\\s", "");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
    }

    private static String toPem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}
