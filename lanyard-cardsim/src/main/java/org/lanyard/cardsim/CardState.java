package org.lanyard.cardsim;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;

/**
 * Everything the virtual card remembers across power cycles: PIN and PUK with their retry
 * counters, the management key, the keys in the slots and the data objects. The attestation key
 * (slot F9), its certificate and the serial survive a RESET, as on a YubiKey.
 */
final class CardState {

    static final String DEFAULT_PIN = "123456";
    static final String DEFAULT_PUK = "12345678";
    static final int DEFAULT_TRIES = 3;

    long serial;
    byte[] pin;
    byte[] puk;
    int pinMax;
    int pinLeft;
    int pukMax;
    int pukLeft;
    ManagementKey managementKey;
    int managementTouch = 1;
    final Map<Integer, SlotKey> keys = new HashMap<>();
    final Map<Integer, byte[]> objects = new HashMap<>();

    /** A fresh card: factory PIN, PUK and management key, a new device CA, CHUID and CCC. */
    static CardState factory(long serial, Clock clock) {
        CardState s = new CardState();
        s.serial = serial;
        DeviceCa ca = DeviceCa.create(serial, clock);
        s.keys.put(PivSlot.ATTESTATION.keyRef(), ca.key());
        s.objects.put(PivObjects.ATTESTATION_CERTIFICATE, ca.certificateObject());
        s.resetToFactory();
        return s;
    }

    /** RESET: wipes keys (except attestation), objects (except its certificate), PIN, PUK and key. */
    void resetToFactory() {
        pin = PivCard.pinBlock(DEFAULT_PIN);
        puk = PivCard.pinBlock(DEFAULT_PUK);
        pinMax = pinLeft = pukMax = pukLeft = DEFAULT_TRIES;
        managementKey = ManagementKey.DEFAULT;
        managementTouch = 1;
        keys.keySet().removeIf(ref -> ref != PivSlot.ATTESTATION.keyRef());
        objects.keySet().removeIf(tag -> tag != PivObjects.ATTESTATION_CERTIFICATE);
        objects.put(PivObjects.CHUID, chuid());
        objects.put(PivObjects.CARD_CAPABILITY_CONTAINER, ccc());
    }

    boolean pinIsDefault() {
        return Arrays.equals(pin, PivCard.pinBlock(DEFAULT_PIN));
    }

    boolean pukIsDefault() {
        return Arrays.equals(puk, PivCard.pinBlock(DEFAULT_PUK));
    }

    /** CHUID (SP 800-73-4 part 1 table 9) with a GUID that is new after every reset. */
    private byte[] chuid() {
        byte[] fascn = new byte[25];
        Arrays.fill(fascn, (byte) 0xD4);
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        return Tlv.concat(Tlv.encode(0x30, fascn), Tlv.encode(0x34, guid),
                Tlv.encode(0x35, "20501231".getBytes(StandardCharsets.US_ASCII)), Tlv.encode(0x3E, new byte[0]),
                Tlv.encode(0xFE, new byte[0]));
    }

    /** Card Capability Container (SP 800-73-4 part 1 table 8), Yubico's layout. */
    private byte[] ccc() {
        byte[] cardId = new byte[21];
        System.arraycopy(new byte[] {(byte) 0xA0, 0x00, 0x00, 0x01, 0x16, (byte) 0xFF, 0x02}, 0, cardId, 0, 7);
        byte[] tail = new byte[14];
        new SecureRandom().nextBytes(tail);
        System.arraycopy(tail, 0, cardId, 7, 14);
        return Tlv.concat(Tlv.encode(0xF0, cardId), Tlv.encode(0xF1, new byte[] {0x21}), Tlv.encode(0xF2, new byte[] {0x21}),
                Tlv.encode(0xF3, new byte[0]), Tlv.encode(0xF4, new byte[] {0x00}), Tlv.encode(0xF5, new byte[] {0x10}),
                Tlv.encode(0xF6, new byte[0]), Tlv.encode(0xF7, new byte[0]), Tlv.encode(0xFA, new byte[0]),
                Tlv.encode(0xFB, new byte[0]), Tlv.encode(0xFC, new byte[0]), Tlv.encode(0xFD, new byte[0]),
                Tlv.encode(0xFE, new byte[0]));
    }
}
