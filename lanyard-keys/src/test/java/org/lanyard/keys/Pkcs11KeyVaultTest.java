package org.lanyard.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;

/** Against a real PKCS#11 module: SoftHSM2, with a token of the test run's own (see {@link SoftHsm}). */
class Pkcs11KeyVaultTest {

    private static final String PIN = SoftHsm.TOKENS.get("lanyard-test");
    private static final byte[] DATA = "tbsCertificate bytes".getBytes(StandardCharsets.US_ASCII);

    private long slot;
    private String alias;

    @BeforeEach
    void token() {
        slot = SoftHsm.slot("lanyard-test");
        alias = "ca-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Pkcs11KeyVault vault() {
        return new Pkcs11KeyVault(Pkcs11Token.inSlot(Pkcs11Token.SOFTHSM2_LIBRARY, slot), PIN.toCharArray());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_3072"})
    void keyGeneratedOnTheTokenSignsAndNeverLeavesIt(KeyAlgorithm algorithm) throws Exception {
        Pkcs11KeyVault vault = vault();
        Signer signer = vault.generate(alias, algorithm);

        byte[] signature = signer.sign(DATA);

        assertThat(vault.kind()).isEqualTo("pkcs11");
        assertThat(KeyAlgorithm.of(signer.publicKey())).contains(algorithm);
        assertThat(TestCertificates.verifies(signer.publicKey(), algorithm.signatureAlgorithm(), DATA, signature)).isTrue();
        assertThat(((ProviderSigner) signer).privateKey().getEncoded()).as("private key bytes").isNull();
        String access = accessOf(alias);
        assertThat(access).contains("sensitive", "always sensitive", "never extractable", "local");
    }

    @Test
    void boundChainIsFoundAgainFromANewVault() throws Exception {
        Pkcs11KeyVault vault = vault();
        String rootAlias = alias + "-root";
        Signer root = vault.generate(rootAlias, KeyAlgorithm.RSA_3072);
        X509Certificate rootCert = TestCertificates.selfSigned("Root " + alias, root);
        vault.bindCertificate(rootAlias, List.of(rootCert));
        Signer issuing = vault.generate(alias, KeyAlgorithm.EC_P256);
        X509Certificate issuingCert = TestCertificates.issue("Issuing " + alias, issuing.publicKey(), "Root " + alias, root);
        vault.bindCertificate(alias, List.of(issuingCert, rootCert));

        Pkcs11KeyVault restarted = vault();
        Signer reopened = restarted.open(alias);

        assertThat(restarted.contains(rootAlias)).isTrue();
        assertThat(reopened.publicKey().getEncoded()).isEqualTo(issuingCert.getPublicKey().getEncoded());
        assertThat(TestCertificates.verifies(issuingCert.getPublicKey(), "SHA256withECDSA", DATA, reopened.sign(DATA))).isTrue();
        assertThat(TestCertificates.verifies(rootCert.getPublicKey(), "SHA256withRSA", DATA,
                restarted.open(rootAlias).sign(DATA))).isTrue();
        assertThat(accessOf(alias)).contains("never extractable");
    }

    /** CRL signing on the token: C_SignUpdate in chunks gives a signature over the whole stream. */
    @Test
    void streamedDataIsSignedWhole() throws Exception {
        Signer signer = vault().generate(alias, KeyAlgorithm.EC_P256);
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);

        byte[] signature = signer.sign(new java.io.ByteArrayInputStream(big));

        assertThat(TestCertificates.verifies(signer.publicKey(), KeyAlgorithm.EC_P256.signatureAlgorithm(), big,
                signature)).isTrue();
    }

    @Test
    void unboundKeyIsFoundAgainFromANewVault() throws Exception {
        Signer signer = vault().generate(alias, KeyAlgorithm.EC_P256);

        Signer reopened = vault().open(alias);

        assertThat(TestCertificates.verifies(signer.publicKey(), "SHA256withECDSA", DATA, reopened.sign(DATA))).isTrue();
    }

    @Test
    void aliasInUseIsRefused() {
        Pkcs11KeyVault vault = vault();
        vault.generate(alias, KeyAlgorithm.EC_P256);

        assertThatThrownBy(() -> vault.generate(alias, KeyAlgorithm.EC_P256))
                .hasFieldOrPropertyWithValue("code", "key-alias-exists");
    }

    @Test
    void certificateForAnotherKeyIsRefusedAndTheKeyStays() throws Exception {
        Pkcs11KeyVault vault = vault();
        Signer signer = vault.generate(alias, KeyAlgorithm.EC_P256);
        Signer stranger = vault.generate(alias + "-other", KeyAlgorithm.EC_P256);

        assertThatThrownBy(() -> vault.bindCertificate(alias, List.of(TestCertificates.selfSigned("Stranger", stranger))))
                .hasFieldOrPropertyWithValue("code", "key-certificate-mismatch");
        assertThat(vault().open(alias).publicKey().getEncoded()).isEqualTo(signer.publicKey().getEncoded());
    }

    @Test
    void unknownAliasIsNotFound() {
        assertThatThrownBy(() -> vault().open("no-such-key")).hasFieldOrPropertyWithValue("code", "key-not-found");
    }

    @Test
    void importedKeyLandsOnTheTokenAsSensitive() throws Exception {
        var imported = Pkcs12KeyVaultTest.ImportedKey.p256("Imported " + alias);
        vault().importKey(alias, imported.key(), List.of(imported.certificate()));

        Signer reopened = vault().open(alias);

        assertThat(TestCertificates.verifies(imported.certificate().getPublicKey(), "SHA256withECDSA", DATA,
                reopened.sign(DATA))).isTrue();
        assertThat(((ProviderSigner) reopened).privateKey().getEncoded()).isNull();
        assertThat(accessOf(alias)).contains("sensitive").doesNotContain(", extractable");
    }

    @Test
    void wrongPinIsRefusedByName() {
        // A token of its own: PKCS#11 logins are per process, so a token this JVM has logged in
        // to would accept any PIN.
        long pinSlot = SoftHsm.slot("lanyard-pin");

        assertThatThrownBy(() -> new Pkcs11KeyVault(Pkcs11Token.inSlot(Pkcs11Token.SOFTHSM2_LIBRARY, pinSlot),
                "0000".toCharArray()))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("token-pin-incorrect");
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
                });
    }

    @Test
    void tokenIsAlsoFoundByItsPositionInTheSlotList() {
        vault().generate(alias, KeyAlgorithm.EC_P256);

        int found = 0;
        for (int index = 0; index < 3; index++) {
            try {
                var byIndex = new Pkcs11KeyVault(Pkcs11Token.SOFTHSM2_LIBRARY.toString(), index, PIN.toCharArray());
                if (byIndex.contains(alias)) {
                    found++;
                }
            } catch (LanyardException e) {
                // another token (other PIN) or the free slot
            }
        }

        assertThat(found).isEqualTo(1);
    }

    /** The token's own account of the private key: the "Access:" line of pkcs11-tool. */
    private String accessOf(String keyAlias) {
        String out = SoftHsm.pkcs11Tool("--slot", Long.toString(slot), "--login", "--pin", PIN,
                "--list-objects", "--type", "privkey");
        String id = HexFormat.of().formatHex(keyAlias.getBytes(StandardCharsets.UTF_8));
        for (String object : out.split("Private Key Object")) {
            if (object.contains("ID:         " + id) || object.matches("(?s).*ID:\\s+" + id + "\\s.*")) {
                return object.lines().filter(l -> l.trim().startsWith("Access:")).findFirst().orElse("");
            }
        }
        throw new AssertionError("pkcs11-tool does not list key " + keyAlias + ":\n" + out);
    }
}
