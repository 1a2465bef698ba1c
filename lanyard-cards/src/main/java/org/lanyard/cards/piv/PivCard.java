package org.lanyard.cards.piv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;

/**
 * A PIV card application (NIST SP 800-73-4 part 2) seen through a {@link CardChannel}. One
 * instance is one card session: PIN and management-key state live on the card for as long as it
 * stays powered. Yubico's extensions are in {@link YubicoPiv}.
 */
public class PivCard {

    public static final int PIN = 0x80;
    public static final int PUK = 0x81;
    public static final int MANAGEMENT_KEY = 0x9B;

    private final PivTransport transport;
    private final SecureRandom random = new SecureRandom();

    public PivCard(CardChannel channel) {
        this.transport = new PivTransport(channel);
    }

    PivTransport transport() {
        return transport;
    }

    /** SELECT the PIV application; returns the application property template (tag 61 content). */
    public byte[] select() {
        byte[] apt = transport.send("SELECT PIV", 0xA4, 0x04, 0x00, PivObjects.PIV_AID);
        return apt.length == 0 ? apt : Tlv.unwrap(0x61, apt);
    }

    /** GET DATA: the value of the object's outer TLV (53, or 7E for Discovery). */
    public byte[] readObject(int tag) {
        byte[] response = transport.send(String.format("GET DATA %X", tag), 0xCB, 0x3F, 0xFF, Tlv.encode(0x5C, tagBytes(tag)));
        if (response.length == 0) {
            throw new CardException(String.format("GET DATA %X", tag), 0x6A82);
        }
        return Tlv.parse(response).get(0).value();
    }

    /** PUT DATA of a container's content (the value of tag 53); empty content deletes it. */
    public void writeObject(int tag, byte[] content) {
        byte[] data = Tlv.concat(Tlv.encode(0x5C, tagBytes(tag)), Tlv.encode(0x53, content));
        transport.send(String.format("PUT DATA %X", tag), 0xDB, 0x3F, 0xFF, data);
    }

    public X509Certificate readCertificate(PivSlot slot) {
        byte[] der = Tlv.parseMap(readObject(slot.certificateTag())).get(0x70);
        if (der == null) {
            throw new CardException("read certificate of " + slot, 0x6A80);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate in " + slot + " does not parse", e);
        }
    }

    /** Writes a certificate object: 70 certificate, 71 CertInfo (uncompressed), FE error detection. */
    public void writeCertificate(PivSlot slot, X509Certificate certificate) {
        try {
            writeObject(slot.certificateTag(), Tlv.concat(Tlv.encode(0x70, certificate.getEncoded()),
                    Tlv.encode(0x71, new byte[] {0}), Tlv.encode(0xFE, new byte[0])));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void deleteCertificate(PivSlot slot) {
        writeObject(slot.certificateTag(), new byte[0]);
    }

    /** Key history object: keys with certificates on card and off card (SP 800-73-4 part 1 table 19). */
    public void writeKeyHistory(int onCard, int offCard, String offCardUrl) {
        byte[] url = offCardUrl == null ? new byte[0] : Tlv.encode(0xF3, offCardUrl.getBytes(StandardCharsets.US_ASCII));
        writeObject(PivObjects.KEY_HISTORY, Tlv.concat(Tlv.encode(0xC1, new byte[] {(byte) onCard}),
                Tlv.encode(0xC2, new byte[] {(byte) offCard}), url, Tlv.encode(0xFE, new byte[0])));
    }

    public void verifyPin(String pin) {
        transport.send("VERIFY PIN", 0x20, 0x00, PIN, pinBlock(pin));
    }

    /** VERIFY without data: whether the PIN is verified, else how many tries are left. */
    public PinStatus pinStatus() {
        ResponseApdu r = transport.exchange(0x20, 0x00, PIN, new byte[0]);
        if (r.sw() == ResponseApdu.SW_OK) {
            return new PinStatus(true, -1);
        }
        if ((r.sw() & 0xFFF0) == 0x63C0) {
            return new PinStatus(false, r.sw() & 0x0F);
        }
        if (r.sw() == 0x6983) {
            return new PinStatus(false, 0);
        }
        throw CardException.of("PIN status", r.sw());
    }

    /** Forgets the PIN verification of this session (VERIFY with P1 FF). */
    public void logout() {
        transport.send("reset PIN status", 0x20, 0xFF, PIN, new byte[0]);
    }

    public void changePin(String oldPin, String newPin) {
        transport.send("CHANGE PIN", 0x24, 0x00, PIN, Tlv.concat(pinBlock(oldPin), pinBlock(newPin)));
    }

    public void changePuk(String oldPuk, String newPuk) {
        transport.send("CHANGE PUK", 0x24, 0x00, PUK, Tlv.concat(pinBlock(oldPuk), pinBlock(newPuk)));
    }

    /** RESET RETRY COUNTER: sets a new PIN with the PUK and clears the PIN's retry counter. */
    public void unblockPin(String puk, String newPin) {
        transport.send("UNBLOCK PIN", 0x2C, 0x00, PIN, Tlv.concat(pinBlock(puk), pinBlock(newPin)));
    }

    /**
     * Mutual authentication with the management key (SP 800-73-4 part 2 appendix A.1): the card
     * proves it knows the key by encrypting our challenge, we prove it by decrypting its witness.
     */
    public void authenticate(ManagementKey key) {
        int alg = key.algorithm().id();
        byte[] first = transport.send("AUTHENTICATE 9B", 0x87, alg, MANAGEMENT_KEY, Tlv.encode(0x7C, Tlv.encode(0x80, new byte[0])));
        byte[] witness = Tlv.parseMap(Tlv.unwrap(0x7C, first)).get(0x80);
        if (witness == null || witness.length != key.algorithm().blockSize()) {
            throw new CardException("AUTHENTICATE 9B", 0x6A80);
        }
        byte[] challenge = new byte[key.algorithm().blockSize()];
        random.nextBytes(challenge);
        byte[] second = transport.send("AUTHENTICATE 9B", 0x87, alg, MANAGEMENT_KEY, Tlv.encode(0x7C,
                Tlv.concat(Tlv.encode(0x80, key.decrypt(witness)), Tlv.encode(0x81, challenge))));
        byte[] answer = Tlv.parseMap(Tlv.unwrap(0x7C, second)).get(0x82);
        if (answer == null || !Arrays.equals(answer, key.encrypt(challenge))) {
            throw new SecurityException("the card does not hold this management key");
        }
    }

    /** GENERATE ASYMMETRIC KEY PAIR; needs the management key. Returns the new public key. */
    public PublicKey generateKey(PivSlot slot, KeyAlgorithm algorithm, PinPolicy pin, TouchPolicy touch) {
        byte[] template = Tlv.encode(0x80, new byte[] {(byte) algorithm.id()});
        if (pin != PinPolicy.DEFAULT) {
            template = Tlv.concat(template, Tlv.encode(0xAA, new byte[] {(byte) pin.id()}));
        }
        if (touch != TouchPolicy.DEFAULT) {
            template = Tlv.concat(template, Tlv.encode(0xAB, new byte[] {(byte) touch.id()}));
        }
        byte[] r = transport.send("GENERATE " + slot, 0x47, 0x00, slot.keyRef(), Tlv.encode(0xAC, template));
        return PublicKeyCodec.decode(algorithm, Tlv.unwrap(0x7F49, r));
    }

    public PublicKey generateKey(PivSlot slot, KeyAlgorithm algorithm) {
        return generateKey(slot, algorithm, PinPolicy.DEFAULT, TouchPolicy.DEFAULT);
    }

    /**
     * Private-key operation on a prepared input: for EC the hash (the card returns a DER ECDSA
     * signature), for RSA a block as long as the modulus (already padded; raw result back).
     */
    public byte[] sign(PivSlot slot, KeyAlgorithm algorithm, byte[] input) {
        return authenticateWith(slot, algorithm, 0x81, input);
    }

    /** RSA decryption: the raw result, padding still on. */
    public byte[] decrypt(PivSlot slot, byte[] ciphertext) {
        return authenticateWith(slot, KeyAlgorithm.RSA2048, 0x81, ciphertext);
    }

    /** ECDH with the slot's key: the shared secret (the x coordinate). */
    public byte[] agree(PivSlot slot, KeyAlgorithm algorithm, ECPublicKey peer) {
        return authenticateWith(slot, algorithm, 0x85, PublicKeyCodec.point(peer));
    }

    private byte[] authenticateWith(PivSlot slot, KeyAlgorithm algorithm, int inputTag, byte[] input) {
        byte[] data = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(inputTag, input)));
        byte[] r = transport.send("GENERAL AUTHENTICATE " + slot, 0x87, algorithm.id(), slot.keyRef(), data);
        byte[] out = Tlv.parseMap(Tlv.unwrap(0x7C, r)).get(0x82);
        if (out == null) {
            throw new CardException("GENERAL AUTHENTICATE " + slot, 0x6A80);
        }
        return out;
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

    /** Reads a data object's TLVs into a map (e.g. CHUID fields); convenience for callers. */
    public Map<Integer, byte[]> readObjectFields(int tag) {
        return Tlv.parseMap(readObject(tag));
    }
}
