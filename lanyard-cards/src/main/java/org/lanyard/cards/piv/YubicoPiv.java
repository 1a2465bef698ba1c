package org.lanyard.cards.piv;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Map;
import org.lanyard.cards.Tlv;

/**
 * Yubico's PIV extensions (YubiKey 4/5 and compatible cards): version, serial, management key,
 * retry limits, reset, key import, attestation and metadata.
 */
public class YubicoPiv {

    private final PivTransport transport;

    public YubicoPiv(PivCard card) {
        this.transport = card.transport();
    }

    /** GET VERSION (FD): firmware version as "major.minor.patch". */
    public String version() {
        byte[] v = transport.send("GET VERSION", 0xFD, 0x00, 0x00, new byte[0]);
        if (v.length < 3) {
            throw new IllegalStateException("short version answer");
        }
        return (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF);
    }

    /** GET SERIAL (F8). */
    public long serial() {
        byte[] s = transport.send("GET SERIAL", 0xF8, 0x00, 0x00, new byte[0]);
        return new BigInteger(1, s).longValue();
    }

    /** SET MANAGEMENT KEY (FF); needs the current management key. */
    public void setManagementKey(ManagementKey key, boolean requireTouch) {
        byte[] k = key.key();
        byte[] data = Tlv.concat(new byte[] {(byte) key.algorithm().id()}, Tlv.encode(PivCard.MANAGEMENT_KEY, k));
        transport.send("SET MANAGEMENT KEY", 0xFF, 0xFF, requireTouch ? 0xFE : 0xFF, data);
    }

    /**
     * SET PIN RETRIES (FA); needs the management key and the PIN. The card then resets PIN and
     * PUK to their factory values, as a YubiKey does.
     */
    public void setPinRetries(int pinTries, int pukTries) {
        transport.send("SET PIN RETRIES", 0xFA, pinTries, pukTries, new byte[0]);
    }

    /** RESET (FB): back to factory state; the card allows it only once PIN and PUK are both blocked. */
    public void reset() {
        transport.send("RESET", 0xFB, 0x00, 0x00, new byte[0]);
    }

    /** IMPORT KEY (FE): puts an existing private key in a slot; needs the management key. */
    public void importKey(PivSlot slot, PrivateKey key, PinPolicy pin, TouchPolicy touch) {
        KeyAlgorithm algorithm;
        byte[] data;
        if (key instanceof RSAPrivateCrtKey rsa && rsa.getModulus().bitLength() == 2048) {
            algorithm = KeyAlgorithm.RSA2048;
            int half = algorithm.size() / 2;
            data = Tlv.concat(Tlv.encode(0x01, PublicKeyCodec.padded(rsa.getPrimeP(), half)),
                    Tlv.encode(0x02, PublicKeyCodec.padded(rsa.getPrimeQ(), half)),
                    Tlv.encode(0x03, PublicKeyCodec.padded(rsa.getPrimeExponentP(), half)),
                    Tlv.encode(0x04, PublicKeyCodec.padded(rsa.getPrimeExponentQ(), half)),
                    Tlv.encode(0x05, PublicKeyCodec.padded(rsa.getCrtCoefficient(), half)));
        } else if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            algorithm = bits == 384 ? KeyAlgorithm.ECCP384 : KeyAlgorithm.ECCP256;
            data = Tlv.encode(0x06, PublicKeyCodec.padded(ec.getS(), algorithm.size()));
        } else {
            throw new IllegalArgumentException("PIV imports RSA-2048 (CRT) and P-256/P-384 keys");
        }
        if (pin != PinPolicy.DEFAULT) {
            data = Tlv.concat(data, Tlv.encode(0xAA, new byte[] {(byte) pin.id()}));
        }
        if (touch != TouchPolicy.DEFAULT) {
            data = Tlv.concat(data, Tlv.encode(0xAB, new byte[] {(byte) touch.id()}));
        }
        transport.send("IMPORT KEY " + slot, 0xFE, algorithm.id(), slot.keyRef(), data);
    }

    /** ATTEST (F9): a certificate for the slot's key, signed by the device's attestation key. */
    public X509Certificate attest(PivSlot slot) {
        byte[] der = transport.send("ATTEST " + slot, 0xF9, slot.keyRef(), 0x00, new byte[0]);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("attestation does not parse", e);
        }
    }

    /** GET METADATA (F7) of a key slot, or of {@link PivCard#PIN}, {@link PivCard#PUK}, {@link PivCard#MANAGEMENT_KEY}. */
    public SlotMetadata metadata(int keyRef) {
        Map<Integer, byte[]> m = Tlv.parseMap(transport.send(String.format("GET METADATA %02X", keyRef), 0xF7, 0x00, keyRef, new byte[0]));
        byte[] policy = m.get(0x02);
        byte[] retries = m.get(0x06);
        return new SlotMetadata(first(m.get(0x01)), policy == null ? -1 : policy[0] & 0xFF,
                policy == null || policy.length < 2 ? -1 : policy[1] & 0xFF, first(m.get(0x03)), m.get(0x04),
                first(m.get(0x05)) == 1, retries == null ? -1 : retries[0] & 0xFF,
                retries == null || retries.length < 2 ? -1 : retries[1] & 0xFF);
    }

    private static int first(byte[] b) {
        return b == null || b.length == 0 ? -1 : b[0] & 0xFF;
    }
}
