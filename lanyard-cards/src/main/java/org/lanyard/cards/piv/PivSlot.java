package org.lanyard.cards.piv;

import java.util.ArrayList;
import java.util.List;

/**
 * A key slot: its key reference and the data object holding its certificate (SP 800-73-4 part 1,
 * table 4b; retired slots 82..95 map to 5FC10D..5FC120). F9 is Yubico's attestation key.
 */
public record PivSlot(int keyRef, int certificateTag) {

    public static final PivSlot AUTHENTICATION = new PivSlot(0x9A, 0x5FC105);
    public static final PivSlot SIGNATURE = new PivSlot(0x9C, 0x5FC10A);
    public static final PivSlot KEY_MANAGEMENT = new PivSlot(0x9D, 0x5FC10B);
    public static final PivSlot CARD_AUTHENTICATION = new PivSlot(0x9E, 0x5FC101);
    public static final PivSlot ATTESTATION = new PivSlot(0xF9, 0x5FFF01);

    /** Retired key-management slot {@code n}, 1 to 20. */
    public static PivSlot retired(int n) {
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("retired slots are 1..20");
        }
        return new PivSlot(0x81 + n, 0x5FC10C + n);
    }

    /** The slot with this key reference, or null. */
    public static PivSlot of(int keyRef) {
        for (PivSlot s : all()) {
            if (s.keyRef == keyRef) {
                return s;
            }
        }
        return null;
    }

    /** Every slot that can hold a key, attestation included. */
    public static List<PivSlot> all() {
        List<PivSlot> slots = new ArrayList<>(List.of(AUTHENTICATION, SIGNATURE, KEY_MANAGEMENT, CARD_AUTHENTICATION));
        for (int n = 1; n <= 20; n++) {
            slots.add(retired(n));
        }
        slots.add(ATTESTATION);
        return slots;
    }

    /** PIN policy the card applies when a key is generated without one. */
    public PinPolicy defaultPinPolicy() {
        if (keyRef == 0x9C) {
            return PinPolicy.ALWAYS;
        }
        return keyRef == 0x9E || keyRef == 0xF9 ? PinPolicy.NEVER : PinPolicy.ONCE;
    }

    @Override
    public String toString() {
        return String.format("slot %02X", keyRef);
    }
}
