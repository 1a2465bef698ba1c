package org.lanyard.cards.pcsc;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.CardTransportException;

/**
 * A card in a PC/SC reader as a {@link CardChannel}. Closing leaves the card powered (no reset),
 * so another program, or the next session, finds it as this one left it; an exclusive session
 * ends its transaction first.
 */
public final class PcscCardChannel implements CardChannel, AutoCloseable {

    private final Card card;
    private final javax.smartcardio.CardChannel channel;
    private final boolean exclusive;

    private PcscCardChannel(Card card, boolean exclusive) {
        this.card = card;
        this.channel = card.getBasicChannel();
        this.exclusive = exclusive;
    }

    static PcscCardChannel connect(CardTerminal terminal, boolean exclusive) {
        try {
            Card card = terminal.connect("*");
            if (exclusive) {
                card.beginExclusive();
            }
            return new PcscCardChannel(card, exclusive);
        } catch (CardException e) {
            throw new CardTransportException("cannot connect to the card in " + terminal.getName() + ": " + e.getMessage(), e);
        }
    }

    public byte[] atr() {
        return card.getATR().getBytes();
    }

    @Override
    public byte[] transmit(byte[] command) {
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalArgumentException e) {
            throw new CardTransportException("transmit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (exclusive) {
                card.endExclusive();
            }
        } catch (CardException | IllegalStateException ignored) {
            // the card is going away anyway
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException ignored) {
                // already gone
            }
        }
    }
}
