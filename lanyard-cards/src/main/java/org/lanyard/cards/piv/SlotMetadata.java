package org.lanyard.cards.piv;

/**
 * What GET METADATA (Yubico F7) tells about a slot, PIN or PUK. Fields the card did not send are
 * -1 (numbers) or null (public key). {@code algorithm} FF means PIN/PUK.
 */
public record SlotMetadata(int algorithm, int pinPolicy, int touchPolicy, int origin, byte[] publicKey,
                           boolean isDefault, int retriesTotal, int retriesLeft) {

    public static final int ORIGIN_GENERATED = 1;
    public static final int ORIGIN_IMPORTED = 2;
}
