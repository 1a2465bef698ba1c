package org.lanyard.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.lanyard.core.crypto.Providers;

/**
 * The PKCS#12 encoding of a key vault, with its protection chosen here rather than by JVM-wide
 * defaults: keys and certificates are encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and
 * the whole file is authenticated with an HMAC-SHA256 integrity MAC. The result opens with
 * {@code keytool} and {@code openssl pkcs12}.
 *
 * <p>Each key bag and each of its certificates carries the alias as friendly name; certificates
 * are written in chain order, so reading them back in file order restores the chain.
 */
final class Pkcs12File {

    /** PBKDF2 rounds for each bag and for the MAC; every write costs about three derivations. */
    static final int ITERATIONS = 100_000;

    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private Pkcs12File() {
    }

    /** Thrown when the MAC does not verify: the password is wrong (or the file was altered). */
    static final class WrongPassword extends Exception {
        WrongPassword() {
            super("PKCS#12 integrity check failed");
        }
    }

    static PKCS12SafeBag keyBag(String alias, PrivateKey key, X509Certificate certificate, char[] password)
            throws GeneralSecurityException, IOException {
        var builder = new JcaPKCS12SafeBagBuilder(key, encryptor(password));
        builder.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(alias));
        builder.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, localKeyId(certificate));
        return builder.build();
    }

    static byte[] write(Map<String, StoredKey> keys, char[] password) throws GeneralSecurityException, IOException {
        List<PKCS12SafeBag> certificates = new ArrayList<>();
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        for (Map.Entry<String, StoredKey> entry : keys.entrySet()) {
            List<X509Certificate> chain = entry.getValue().chain();
            for (int i = 0; i < chain.size(); i++) {
                var bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                bag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(entry.getKey()));
                if (i == 0) {
                    bag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, localKeyId(chain.get(0)));
                }
                certificates.add(bag.build());
            }
            pfx.addData(entry.getValue().keyBag());
        }
        if (!certificates.isEmpty()) {
            pfx.addEncryptedData(encryptor(password), certificates.toArray(PKCS12SafeBag[]::new));
        }
        try {
            var mac = new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    .setProvider(Providers.bc()).setIterationCount(ITERATIONS);
            return pfx.build(mac, password).getEncoded();
        } catch (PKCSException e) {
            throw new GeneralSecurityException("cannot compute the PKCS#12 MAC", e);
        }
    }

    static Map<String, StoredKey> read(byte[] content, char[] password)
            throws WrongPassword, GeneralSecurityException, IOException {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(content);
        try {
            if (!pfx.hasMac() || !pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider()
                    .setProvider(Providers.bc()), password)) {
                throw new WrongPassword();
            }
        } catch (PKCSException e) {
            throw new GeneralSecurityException("cannot check the PKCS#12 MAC", e);
        }
        InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                .setProvider(Providers.bc()).build(password);
        Map<String, PKCS12SafeBag> keyBags = new LinkedHashMap<>();
        Map<String, PrivateKey> privateKeys = new LinkedHashMap<>();
        Map<String, List<X509Certificate>> chains = new LinkedHashMap<>();
        var certificates = new JcaX509CertificateConverter().setProvider(Providers.bc());
        var keyConverter = new JcaPEMKeyConverter().setProvider(Providers.bc());
        try {
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    String alias = friendlyName(bag);
                    if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        chains.computeIfAbsent(alias, a -> new ArrayList<>()).add(certificates.getCertificate(holder));
                    } else if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        keyBags.put(alias, bag);
                        privateKeys.put(alias, keyConverter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor)));
                    }
                }
            }
        } catch (PKCSException e) {
            throw new GeneralSecurityException("cannot decrypt the PKCS#12 content", e);
        }
        Map<String, StoredKey> keys = new LinkedHashMap<>();
        for (var entry : privateKeys.entrySet()) {
            List<X509Certificate> chain = chains.get(entry.getKey());
            if (chain == null) {
                throw new GeneralSecurityException("key '" + entry.getKey() + "' has no certificate");
            }
            keys.put(entry.getKey(), new StoredKey(entry.getValue(), chain, keyBags.get(entry.getKey())));
        }
        return keys;
    }

    private static String friendlyName(PKCS12SafeBag bag) throws GeneralSecurityException {
        for (Attribute attribute : bag.getAttributes()) {
            if (attribute.getAttrType().equals(PKCS12SafeBag.friendlyNameAttribute)) {
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                return DERBMPString.getInstance(value).getString();
            }
        }
        throw new GeneralSecurityException("a PKCS#12 bag has no friendly name");
    }

    private static OutputEncryptor encryptor(char[] password) throws GeneralSecurityException {
        try {
            return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(Providers.bc()).setPRF(HMAC_SHA256).setIterationCount(ITERATIONS).build(password);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot set up PBES2 encryption", e);
        }
    }

    /** SHA-1 of the public key, as keytool and OpenSSL expect to pair a key with its certificate. */
    private static DEROctetString localKeyId(X509Certificate certificate) throws GeneralSecurityException {
        byte[] spki = certificate.getPublicKey().getEncoded();
        return new DEROctetString(MessageDigest.getInstance("SHA-1").digest(spki));
    }
}
