package org.lanyard.cards.piv;

import java.util.Set;

/** Data object tags of SP 800-73-4 part 1 table 3, plus the Yubico objects Lanyard reads. */
public final class PivObjects {

    public static final int DISCOVERY = 0x7E;
    public static final int BIOMETRIC_GROUP_TEMPLATE = 0x7F61;
    public static final int CARD_CAPABILITY_CONTAINER = 0x5FC107;
    public static final int CHUID = 0x5FC102;
    public static final int SECURITY_OBJECT = 0x5FC106;
    public static final int FINGERPRINTS = 0x5FC103;
    public static final int FACIAL_IMAGE = 0x5FC108;
    public static final int PRINTED_INFORMATION = 0x5FC109;
    public static final int KEY_HISTORY = 0x5FC10C;
    public static final int IRIS_IMAGES = 0x5FC121;
    public static final int SM_CERTIFICATE_SIGNER = 0x5FC122;
    public static final int PAIRING_CODE = 0x5FC123;
    /** Yubico: the attestation certificate (F9). */
    public static final int ATTESTATION_CERTIFICATE = 0x5FFF01;

    /** Objects that may only be read after PIN verification. */
    public static final Set<Integer> PIN_PROTECTED = Set.of(FINGERPRINTS, FACIAL_IMAGE, PRINTED_INFORMATION, IRIS_IMAGES,
            PAIRING_CODE);

    /** The PIV application identifier (NIST RID A000000308, PIX 00001000 0100). */
    public static final byte[] PIV_AID = {(byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00};

    private PivObjects() {
    }

    /** Tags a card accepts in PUT DATA: the SP 800-73 containers and Yubico's 5FFFxx range. */
    public static boolean isWritable(int tag) {
        return tag == BIOMETRIC_GROUP_TEMPLATE || (tag >= 0x5FC101 && tag <= 0x5FC123) || (tag >= 0x5FFF00 && tag <= 0x5FFF15);
    }
}
