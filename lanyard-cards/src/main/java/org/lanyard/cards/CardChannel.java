package org.lanyard.cards;

/**
 * The one thing Lanyard needs from a card reader: send a command APDU, get the response APDU.
 *
 * <p>Implementations are the PC/SC reader ({@code PcscCardChannel}) and the virtual card
 * ({@code VirtualPivCard} in lanyard-cardsim). A server-side card session does not use it: it
 * drives the sans-IO layer ({@code org.lanyard.cards.piv.apdu}) across agent round trips (ADR
 * 0011). An implementation returns whatever the card answered, status word included; it throws
 * only when the transport fails (reader gone, card removed), never for an error status word.
 */
public interface CardChannel {

    /** Sends one command APDU and returns the response APDU (data followed by SW1 SW2). */
    byte[] transmit(byte[] command);
}
