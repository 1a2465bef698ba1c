package org.lanyard.cards;

/** The reader or the connection to the card failed; the card's state is unknown. */
public class CardTransportException extends RuntimeException {

    public CardTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public CardTransportException(String message) {
        super(message);
    }
}
