package org.lanyard.cards.piv;

/** PIN state as VERIFY without data reports it: verified in this session, or tries left (0 = blocked). */
public record PinStatus(boolean verified, int triesLeft) {

    public boolean blocked() {
        return !verified && triesLeft == 0;
    }
}
