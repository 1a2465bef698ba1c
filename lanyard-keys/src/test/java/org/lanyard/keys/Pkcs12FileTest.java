package org.lanyard.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.ca.KeyAlgorithm;

/** The file is protected as the javadoc says: PBES2 AES-256 with HMAC-SHA256, SHA-256 MAC. */
class Pkcs12FileTest {

    @TempDir
    Path dir;

    @Test
    void keysAndCertificatesArePbes2Aes256AndTheMacIsSha256() throws Exception {
        Path file = dir.resolve("ca.p12");
        new Pkcs12KeyVault(file, "pw-1".toCharArray()).generate("ca", KeyAlgorithm.EC_P256);

        PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(file));

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        int keys = 0;
        int encryptedCertificateSets = 0;
        for (ContentInfo info : pfx.getContentInfos()) {
            if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
                assertStrongPbes2(algorithm);
                encryptedCertificateSets++;
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    assertThat(bag.getType()).isEqualTo(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag);
                    assertStrongPbes2(((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).getEncryptionAlgorithm());
                    keys++;
                }
            }
        }
        assertThat(keys).isEqualTo(1);
        assertThat(encryptedCertificateSets).isEqualTo(1);
    }

    private static void assertStrongPbes2(AlgorithmIdentifier algorithm) {
        assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
        assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        ASN1ObjectIdentifier prf = kdf.getPrf().getAlgorithm();
        assertThat(prf).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(kdf.getIterationCount().intValue()).isGreaterThanOrEqualTo(Pkcs12File.ITERATIONS);
    }
}
