package org.lanyard.cards;

/**
 * The one thing Lanyard needs from a card reader: send a command APDU, get the response APDU.
 *
 * <p>Implementations are the PC/SC reader ({@code PcscCardChannel}), the virtual card in-process
 * ({@code VirtualPivCard}) and, on the server, the agent relaying APDUs. An implementation
 * returns whatever the card answered, status word included; it throws only when the transport
 * fails (reader gone, card removed), never for an error status word.
 */
public interface CardChannel {

    /** Sends one command APDU and returns the response APDU (data followed by SW1 SW2). */
    byte[] transmit(byte[] command);
}
