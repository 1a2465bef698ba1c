package org.lanyard.cards.piv;

/** Whether a key needs a touch (Yubico tag AB). The virtual card records it but has no button. */
public enum TouchPolicy {
    DEFAULT(0), NEVER(1), ALWAYS(2), CACHED(3);

    private final int id;

    TouchPolicy(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static TouchPolicy of(int id) {
        for (TouchPolicy p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown touch policy " + id);
    }
}
