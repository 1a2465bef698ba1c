package org.lanyard.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Signer;

class Pkcs12KeyVaultTest {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static final byte[] DATA = "tbsCertificate bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("keys").resolve("ca-keys.p12");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatedKeySignsWhatItsPublicKeyVerifies(KeyAlgorithm algorithm) throws Exception {
        Signer signer = new Pkcs12KeyVault(file(), PASSWORD).generate("ca", algorithm);

        byte[] signature = signer.sign(DATA);

        assertThat(signer.algorithm()).isEqualTo(algorithm);
        assertThat(KeyAlgorithm.of(signer.publicKey())).contains(algorithm);
        assertThat(TestCertificates.verifies(signer.publicKey(), algorithm.signatureAlgorithm(), DATA, signature)).isTrue();
    }

    /** CRL signing: a stream larger than one chunk, fed in pieces, gives a signature over all of it. */
    @Test
    void streamedDataIsSignedWhole() throws Exception {
        Signer signer = new Pkcs12KeyVault(file(), PASSWORD).generate("ca", KeyAlgorithm.EC_P256);
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);

        byte[] signature = signer.sign(new java.io.ByteArrayInputStream(big));

        assertThat(TestCertificates.verifies(signer.publicKey(), KeyAlgorithm.EC_P256.signatureAlgorithm(), big,
                signature)).isTrue();
    }

    @Test
    void boundKeyIsFoundAgainAfterRestart() throws Exception {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);
        Signer root = vault.generate("root", KeyAlgorithm.EC_P384);
        X509Certificate rootCert = TestCertificates.selfSigned("Root", root);
        vault.bindCertificate("root", List.of(rootCert));
        Signer issuing = vault.generate("issuing", KeyAlgorithm.EC_P256);
        X509Certificate issuingCert = TestCertificates.issue("Issuing", issuing.publicKey(), "Root", root);
        vault.bindCertificate("issuing", List.of(issuingCert, rootCert));

        Pkcs12KeyVault restarted = new Pkcs12KeyVault(file(), PASSWORD);
        Signer reopened = restarted.open("issuing");

        assertThat(restarted.contains("root")).isTrue();
        assertThat(reopened.algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(reopened.publicKey().getEncoded()).isEqualTo(issuingCert.getPublicKey().getEncoded());
        assertThat(TestCertificates.verifies(issuingCert.getPublicKey(), "SHA256withECDSA", DATA, reopened.sign(DATA))).isTrue();
        issuingCert.verify(restarted.open("root").publicKey());
    }

    @Test
    void unboundKeySurvivesRestart() throws Exception {
        Signer signer = new Pkcs12KeyVault(file(), PASSWORD).generate("pending", KeyAlgorithm.RSA_3072);

        Signer reopened = new Pkcs12KeyVault(file(), PASSWORD).open("pending");

        assertThat(reopened.publicKey().getEncoded()).isEqualTo(signer.publicKey().getEncoded());
        assertThat(TestCertificates.verifies(signer.publicKey(), "SHA256withRSA", DATA, reopened.sign(DATA))).isTrue();
    }

    @Test
    void fileIsAStandardPkcs12ThatTheJdkOpens() throws Exception {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);
        Signer root = vault.generate("root", KeyAlgorithm.RSA_3072);
        X509Certificate rootCert = TestCertificates.selfSigned("Root", root);
        vault.bindCertificate("root", List.of(rootCert));
        Signer issuing = vault.generate("issuing", KeyAlgorithm.EC_P256);
        X509Certificate issuingCert = TestCertificates.issue("Issuing", issuing.publicKey(), "Root", root);
        vault.bindCertificate("issuing", List.of(issuingCert, rootCert));

        KeyStore jdk = KeyStore.getInstance("PKCS12", "SUN");
        try (InputStream in = Files.newInputStream(file())) {
            jdk.load(in, PASSWORD);
        }

        assertThat(jdk.getKey("issuing", PASSWORD)).isInstanceOf(PrivateKey.class);
        assertThat(jdk.getCertificateChain("issuing")).containsExactly(issuingCert, rootCert);
        assertThat(jdk.getCertificate("root")).isEqualTo(rootCert);
    }

    @Test
    void fileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        new Pkcs12KeyVault(file(), PASSWORD).generate("ca", KeyAlgorithm.EC_P256);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        try (var files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void wrongPasswordIsRefusedByName() {
        new Pkcs12KeyVault(file(), PASSWORD).generate("ca", KeyAlgorithm.EC_P256);

        assertThatThrownBy(() -> new Pkcs12KeyVault(file(), "wrong".toCharArray()))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("keystore-password-incorrect");
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
                });
    }

    @Test
    void newFileIsAlreadyProtectedByItsPassword() {
        new Pkcs12KeyVault(file(), PASSWORD);

        assertThat(file()).exists();
        assertThatThrownBy(() -> new Pkcs12KeyVault(file(), "other".toCharArray()))
                .hasFieldOrPropertyWithValue("code", "keystore-password-incorrect");
    }

    @Test
    void aliasInUseIsRefused() throws Exception {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);
        Signer first = vault.generate("ca", KeyAlgorithm.EC_P256);

        assertThatThrownBy(() -> vault.generate("ca", KeyAlgorithm.EC_P384))
                .hasFieldOrPropertyWithValue("code", "key-alias-exists");
        ImportedKey other = ImportedKey.p256("Other");
        assertThatThrownBy(() -> vault.importKey("ca", other.key(), List.of(other.certificate())))
                .hasFieldOrPropertyWithValue("code", "key-alias-exists");
        assertThat(vault.open("ca").publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
    }

    @Test
    void certificateForAnotherKeyIsRefusedAndChangesNothing() throws Exception {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);
        Signer ca = vault.generate("ca", KeyAlgorithm.EC_P256);
        Signer stranger = vault.generate("stranger", KeyAlgorithm.EC_P256);
        X509Certificate strangerCert = TestCertificates.selfSigned("Stranger", stranger);

        assertThatThrownBy(() -> vault.bindCertificate("ca", List.of(strangerCert)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.code()).isEqualTo("key-certificate-mismatch"));
        assertThat(new Pkcs12KeyVault(file(), PASSWORD).open("ca").publicKey().getEncoded())
                .isEqualTo(ca.publicKey().getEncoded());
    }

    @Test
    void unknownAliasIsNotFound() {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);

        assertThat(vault.contains("nope")).isFalse();
        assertThatThrownBy(() -> vault.open("nope")).hasFieldOrPropertyWithValue("code", "key-not-found");
        assertThatThrownBy(() -> vault.bindCertificate("nope", List.of(ImportedKey.p256("X").certificate())))
                .hasFieldOrPropertyWithValue("code", "key-not-found");
    }

    @Test
    void importedKeySignsAndSurvivesRestart() throws Exception {
        ImportedKey imported = ImportedKey.p256("Imported CA");
        new Pkcs12KeyVault(file(), PASSWORD).importKey("imported", imported.key(), List.of(imported.certificate()));

        Signer reopened = new Pkcs12KeyVault(file(), PASSWORD).open("imported");

        assertThat(TestCertificates.verifies(imported.certificate().getPublicKey(), "SHA256withECDSA", DATA,
                reopened.sign(DATA))).isTrue();
    }

    @Test
    void importedKeyMustMatchItsCertificate() throws Exception {
        ImportedKey one = ImportedKey.p256("One");
        ImportedKey two = ImportedKey.p256("Two");
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);

        assertThatThrownBy(() -> vault.importKey("ca", one.key(), List.of(two.certificate())))
                .hasFieldOrPropertyWithValue("code", "key-certificate-mismatch");
        assertThat(vault.contains("ca")).isFalse();
    }

    @Test
    void concurrentWritersLoseNoKey() throws Exception {
        Pkcs12KeyVault vault = new Pkcs12KeyVault(file(), PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Signer>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String alias = "ca-" + i;
                futures.add(pool.submit(() -> vault.generate(alias, KeyAlgorithm.EC_P256)));
            }
            for (Future<Signer> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        Pkcs12KeyVault restarted = new Pkcs12KeyVault(file(), PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertThat(restarted.contains("ca-" + i)).as("ca-" + i).isTrue();
        }
    }

    /** A key made elsewhere (by the JDK's SunEC) with its self-signed certificate. */
    record ImportedKey(PrivateKey key, X509Certificate certificate) {
        static ImportedKey p256(String cn) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            Signer signer = new ProviderSigner(pair.getPrivate(), pair.getPublic(), KeyAlgorithm.EC_P256, null);
            return new ImportedKey(pair.getPrivate(), TestCertificates.selfSigned(cn, signer));
        }
    }
}
