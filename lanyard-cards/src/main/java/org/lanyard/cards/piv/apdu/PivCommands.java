package org.lanyard.cards.piv.apdu;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;
import org.lanyard.cards.piv.TouchPolicy;

/**
 * The commands of the PIV card application (NIST SP 800-73-4 part 2 section 3), as values and
 * nothing more: whoever holds the card (a reader here, an agent on a workstation) sends them.
 * Le follows the specification: {@code 00} where the card answers with data, absent where it
 * answers with a status word only. Mutual authentication with the management key, which takes
 * two commands and a secret, is in {@link MutualAuthentication}; Yubico's extensions in
 * {@link YubicoCommands}.
 */
public final class PivCommands {

    public static final int PIN = 0x80;
    public static final int PUK = 0x81;
    public static final int MANAGEMENT_KEY = 0x9B;

    private static final int SELECT = 0xA4;
    private static final int GET_DATA = 0xCB;
    private static final int PUT_DATA = 0xDB;
    private static final int VERIFY = 0x20;
    private static final int CHANGE_REFERENCE_DATA = 0x24;
    private static final int RESET_RETRY_COUNTER = 0x2C;
    static final int GENERAL_AUTHENTICATE = 0x87;
    private static final int GENERATE_ASYMMETRIC_KEY_PAIR = 0x47;

    private PivCommands() {
    }

    /** SELECT the PIV application by its full AID; the card answers with its property template (61). */
    public static PivCommand select() {
        return new PivCommand("SELECT PIV", SELECT, 0x04, 0x00, PivObjects.PIV_AID, 256);
    }

    /** GET DATA of one object (tag list 5C). */
    public static PivCommand getData(int tag) {
        return new PivCommand(String.format("GET DATA %X", tag), GET_DATA, 0x3F, 0xFF, Tlv.encode(0x5C, tagBytes(tag)), 256);
    }

    /** PUT DATA of a container's content (the value of tag 53); empty content deletes the object. */
    public static PivCommand putData(int tag, byte[] content) {
        byte[] data = Tlv.concat(Tlv.encode(0x5C, tagBytes(tag)), Tlv.encode(0x53, content));
        return new PivCommand(String.format("PUT DATA %X", tag), PUT_DATA, 0x3F, 0xFF, data, 0);
    }

    /** PUT DATA of a certificate object: 70 certificate, 71 CertInfo (uncompressed), FE error detection. */
    public static PivCommand putCertificate(PivSlot slot, X509Certificate certificate) {
        try {
            return putData(slot.certificateTag(), Tlv.concat(Tlv.encode(0x70, certificate.getEncoded()),
                    Tlv.encode(0x71, new byte[] {0}), Tlv.encode(0xFE, new byte[0])));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** PUT DATA of the key history object (SP 800-73-4 part 1 table 19); {@code offCardUrl} may be null. */
    public static PivCommand putKeyHistory(int onCard, int offCard, String offCardUrl) {
        byte[] url = offCardUrl == null ? new byte[0] : Tlv.encode(0xF3, offCardUrl.getBytes(StandardCharsets.US_ASCII));
        return putData(PivObjects.KEY_HISTORY, Tlv.concat(Tlv.encode(0xC1, new byte[] {(byte) onCard}),
                Tlv.encode(0xC2, new byte[] {(byte) offCard}), url, Tlv.encode(0xFE, new byte[0])));
    }

    /** VERIFY the PIN. The PIN block is in the clear: on the wire to the card, as PIV has it. */
    public static PivCommand verifyPin(String pin) {
        return new PivCommand("VERIFY PIN", VERIFY, 0x00, PIN, pinBlock(pin), 0);
    }

    /** VERIFY without data: 9000 if the PIN is verified in this session, else 63Cx (x tries left) or 6983. */
    public static PivCommand pinStatus() {
        return new PivCommand("PIN status", VERIFY, 0x00, PIN, null, 0);
    }

    /** VERIFY with P1 FF: forgets the PIN verification of this session. */
    public static PivCommand logout() {
        return new PivCommand("reset PIN status", VERIFY, 0xFF, PIN, null, 0);
    }

    /** CHANGE REFERENCE DATA of the PIN. */
    public static PivCommand changePin(String oldPin, String newPin) {
        return new PivCommand("CHANGE PIN", CHANGE_REFERENCE_DATA, 0x00, PIN, Tlv.concat(pinBlock(oldPin), pinBlock(newPin)), 0);
    }

    /** CHANGE REFERENCE DATA of the PUK. */
    public static PivCommand changePuk(String oldPuk, String newPuk) {
        return new PivCommand("CHANGE PUK", CHANGE_REFERENCE_DATA, 0x00, PUK, Tlv.concat(pinBlock(oldPuk), pinBlock(newPuk)), 0);
    }

    /** RESET RETRY COUNTER: a new PIN, authorised by the PUK; clears the PIN's retry counter. */
    public static PivCommand unblockPin(String puk, String newPin) {
        return new PivCommand("UNBLOCK PIN", RESET_RETRY_COUNTER, 0x00, PIN, Tlv.concat(pinBlock(puk), pinBlock(newPin)), 0);
    }

    /** GENERATE ASYMMETRIC KEY PAIR (control template AC); needs the management key. Answers 7F49. */
    public static PivCommand generateKey(PivSlot slot, KeyAlgorithm algorithm, PinPolicy pin, TouchPolicy touch) {
        byte[] template = Tlv.encode(0x80, new byte[] {(byte) algorithm.id()});
        if (pin != PinPolicy.DEFAULT) {
            template = Tlv.concat(template, Tlv.encode(0xAA, new byte[] {(byte) pin.id()}));
        }
        if (touch != TouchPolicy.DEFAULT) {
            template = Tlv.concat(template, Tlv.encode(0xAB, new byte[] {(byte) touch.id()}));
        }
        return new PivCommand("GENERATE " + slot, GENERATE_ASYMMETRIC_KEY_PAIR, 0x00, slot.keyRef(), Tlv.encode(0xAC, template), 256);
    }

    /**
     * GENERAL AUTHENTICATE with a slot's private key on a prepared input (challenge 81): for EC the
     * hash (the card returns a DER ECDSA signature), for RSA a block as long as the modulus,
     * already padded (raw result back). RSA decryption is the same command.
     */
    public static PivCommand sign(PivSlot slot, KeyAlgorithm algorithm, byte[] input) {
        return withKey(slot, algorithm, 0x81, input);
    }

    /** GENERAL AUTHENTICATE for ECDH (exponentiation 85) with the peer's public point. */
    public static PivCommand agree(PivSlot slot, KeyAlgorithm algorithm, ECPublicKey peer) {
        return withKey(slot, algorithm, 0x85, PublicKeyCodec.point(peer));
    }

    private static PivCommand withKey(PivSlot slot, KeyAlgorithm algorithm, int inputTag, byte[] input) {
        byte[] data = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(inputTag, input)));
        return new PivCommand("GENERAL AUTHENTICATE " + slot, GENERAL_AUTHENTICATE, algorithm.id(), slot.keyRef(), data, 256);
    }

    /** A PIN or PUK as the card wants it: ASCII, padded to 8 bytes with FF. */
    public static byte[] pinBlock(String pin) {
        byte[] b = pin.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > 8) {
            throw new IllegalArgumentException("PIN and PUK are 1 to 8 characters");
        }
        byte[] out = new byte[8];
        Arrays.fill(out, (byte) 0xFF);
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    static byte[] tagBytes(int tag) {
        if (tag > 0xFFFF) {
            return new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 8), (byte) tag};
        }
        return tag > 0xFF ? new byte[] {(byte) (tag >>> 8), (byte) tag} : new byte[] {(byte) tag};
    }
}
