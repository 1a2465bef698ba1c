package org.lanyard.cardsim;

/** Status words the virtual card answers with (ISO 7816-4 and SP 800-73-4 part 2 table 6). */
final class Sw {
    static final int OK = 0x9000;
    static final int WRONG_LENGTH = 0x6700;
    static final int SECURITY_STATUS = 0x6982;
    static final int BLOCKED = 0x6983;
    static final int CONDITIONS = 0x6985;
    static final int INCORRECT_DATA = 0x6A80;
    static final int NOT_FOUND = 0x6A82;
    static final int NO_MEMORY = 0x6A84;
    static final int INCORRECT_P1P2 = 0x6A86;
    static final int REF_NOT_FOUND = 0x6A88;
    static final int INS_NOT_SUPPORTED = 0x6D00;
    static final int CLA_NOT_SUPPORTED = 0x6E00;
    static final int UNKNOWN = 0x6F00;

    private Sw() {
    }

    static StatusException fail(int sw) {
        return new StatusException(sw);
    }
}
