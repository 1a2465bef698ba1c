package org.lanyard.cardsim;

/** Ends a command on the virtual card with a status word; never leaves the card. */
final class StatusException extends RuntimeException {

    final int sw;

    StatusException(int sw) {
        super(String.format("SW %04X", sw), null, false, false);
        this.sw = sw;
    }
}
