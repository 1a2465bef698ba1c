package org.lanyard.cards.piv.apdu;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.TouchPolicy;

/**
 * Yubico's PIV extensions (YubiKey 4/5 and compatible cards) as command values, like
 * {@link PivCommands}. Two of them carry secrets in the clear, because the card takes them so:
 * SET MANAGEMENT KEY (the new key) and IMPORT KEY (the private key). A card session builds
 * those on the server and must not let them reach an agent without secure messaging.
 */
public final class YubicoCommands {

    private YubicoCommands() {
    }

    /** GET VERSION (FD): three bytes, major minor patch. */
    public static PivCommand version() {
        return new PivCommand("GET VERSION", 0xFD, 0x00, 0x00, null, 256);
    }

    /** GET SERIAL (F8): the serial number, big-endian. */
    public static PivCommand serial() {
        return new PivCommand("GET SERIAL", 0xF8, 0x00, 0x00, null, 256);
    }

    /** SET MANAGEMENT KEY (FF); needs the current management key. P2 FE makes the key require a touch. */
    public static PivCommand setManagementKey(ManagementKey key, boolean requireTouch) {
        byte[] data = Tlv.concat(new byte[] {(byte) key.algorithm().id()}, Tlv.encode(PivCommands.MANAGEMENT_KEY, key.key()));
        return new PivCommand("SET MANAGEMENT KEY", 0xFF, 0xFF, requireTouch ? 0xFE : 0xFF, data, 0);
    }

    /** SET PIN RETRIES (FA); needs the management key and the PIN; the card then resets PIN and PUK. */
    public static PivCommand setPinRetries(int pinTries, int pukTries) {
        return new PivCommand("SET PIN RETRIES", 0xFA, pinTries, pukTries, null, 0);
    }

    /** RESET (FB): back to factory state, allowed once PIN and PUK are both blocked. */
    public static PivCommand reset() {
        return new PivCommand("RESET", 0xFB, 0x00, 0x00, null, 0);
    }

    /** IMPORT KEY (FE) of an RSA-2048 (CRT parts 01..05) or P-256/P-384 (scalar 06) private key. */
    public static PivCommand importKey(PivSlot slot, PrivateKey key, PinPolicy pin, TouchPolicy touch) {
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
        return new PivCommand("IMPORT KEY " + slot, 0xFE, algorithm.id(), slot.keyRef(), data, 0);
    }

    /** ATTEST (F9): a certificate for the slot's key, signed by the device's attestation key (F9). */
    public static PivCommand attest(PivSlot slot) {
        return new PivCommand("ATTEST " + slot, 0xF9, slot.keyRef(), 0x00, null, 256);
    }

    /** GET METADATA (F7) of a key slot, or of the PIN (80), PUK (81) or management key (9B). */
    public static PivCommand metadata(int keyRef) {
        return new PivCommand(String.format("GET METADATA %02X", keyRef), 0xF7, 0x00, keyRef, null, 256);
    }
}
