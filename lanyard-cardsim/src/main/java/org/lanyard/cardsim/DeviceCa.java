package org.lanyard.cardsim;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PivSlot;

/**
 * The virtual card's attestation authority. Like a YubiKey's slot F9, it signs certificates
 * stating that a key was generated on this card, with Yubico's attestation extensions
 * (1.3.6.1.4.1.41482.3.x: firmware version, serial, PIN/touch policy, form factor).
 */
final class DeviceCa {

    static final String YUBICO_ARC = "1.3.6.1.4.1.41482.3.";
    static final byte[] FIRMWARE = {5, 4, 3};

    private final SlotKey key;
    private final X509Certificate certificate;

    private DeviceCa(SlotKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    static DeviceCa create(long serial, Clock clock) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=Lanyard Virtual PIV Attestation " + serial);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, randomSerial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(365L * 30))), name, pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            X509Certificate cert = sign(b, pair.getPrivate());
            SlotKey slotKey = new SlotKey(KeyAlgorithm.ECCP256, pair.getPrivate(), pair.getPublic(), 1, 1, 2);
            return new DeviceCa(slotKey, cert);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the device CA", e);
        }
    }

    SlotKey key() {
        return key;
    }

    byte[] certificateObject() {
        try {
            return Tlv.concat(Tlv.encode(0x70, certificate.getEncoded()), Tlv.encode(0x71, new byte[] {0}),
                    Tlv.encode(0xFE, new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attestation certificate for a key generated in {@code slot}. */
    static X509Certificate attest(X509Certificate caCert, PrivateKey caKey, PivSlot slot, SlotKey subject, long serial,
                                  Clock clock) throws GeneralSecurityException, java.io.IOException {
        PublicKey pub = subject.publicKey();
        X500Name name = new X500Name(String.format("CN=YubiKey PIV Attestation %02x", slot.keyRef()));
        Instant now = clock.instant();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new JcaX509CertificateHolder(caCert).getSubject(),
                randomSerial(), Date.from(now.minus(Duration.ofMinutes(5))), caCert.getNotAfter(), name, pub);
        b.addExtension(new ASN1ObjectIdentifier(YUBICO_ARC + "3"), false, FIRMWARE.clone());
        b.addExtension(new ASN1ObjectIdentifier(YUBICO_ARC + "7"), false, new ASN1Integer(serial).getEncoded());
        b.addExtension(new ASN1ObjectIdentifier(YUBICO_ARC + "8"), false,
                new byte[] {(byte) subject.pinPolicy(), (byte) subject.touchPolicy()});
        b.addExtension(new ASN1ObjectIdentifier(YUBICO_ARC + "9"), false, new byte[] {0x01});
        return sign(b, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger randomSerial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }
}
