package org.lanyard.cards.piv;

/** When a key needs the PIN (Yubico tag AA): never, once per session, or before every use. */
public enum PinPolicy {
    DEFAULT(0), NEVER(1), ONCE(2), ALWAYS(3);

    private final int id;

    PinPolicy(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static PinPolicy of(int id) {
        for (PinPolicy p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown PIN policy " + id);
    }
}
