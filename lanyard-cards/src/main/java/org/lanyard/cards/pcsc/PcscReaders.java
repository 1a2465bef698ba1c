package org.lanyard.cards.pcsc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.lanyard.cards.CardTransportException;

/**
 * The PC/SC readers of this machine, through {@code javax.smartcardio}. On Linux this talks to
 * pcscd via libpcsclite; the library path can be set with {@link #LIBRARY_PROPERTY} (the JDK
 * reads it once, before the first use of PC/SC in the JVM).
 */
public final class PcscReaders {

    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    public static final String DEBIAN_LIBRARY = "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1";

    private final CardTerminals terminals;

    private PcscReaders(CardTerminals terminals) {
        this.terminals = terminals;
    }

    /** Connects to PC/SC with the JDK's default library lookup (or the system property, when set). */
    public static PcscReaders open() {
        try {
            return new PcscReaders(TerminalFactory.getInstance("PC/SC", null).terminals());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CardTransportException("PC/SC is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** Like {@link #open()}, using {@code library} unless the system property already names one. */
    public static PcscReaders open(String library) {
        if (library != null && System.getProperty(LIBRARY_PROPERTY) == null) {
            System.setProperty(LIBRARY_PROPERTY, library);
        }
        return open();
    }

    /** Reader names; empty when there are none (or pcscd is not running). */
    public List<String> list() {
        try {
            List<String> names = new ArrayList<>();
            for (CardTerminal t : terminals.list()) {
                names.add(t.getName());
            }
            return names;
        } catch (CardException e) {
            if (String.valueOf(e.getMessage()).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw new CardTransportException("cannot list readers: " + e.getMessage(), e);
        }
    }

    /** The first reader whose name starts with {@code prefix}. */
    public String find(String prefix) {
        return list().stream().filter(n -> n.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new CardTransportException("no reader named " + prefix + "… (readers: " + list() + ")"));
    }

    /** Waits until a card is in the reader; false on timeout. */
    public boolean waitForCard(String reader, Duration timeout) {
        try {
            return terminals.getTerminal(reader).waitForCardPresent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw new CardTransportException("waiting for a card in " + reader + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the reader is empty; false on timeout. */
    public boolean waitForRemoval(String reader, Duration timeout) {
        try {
            return terminals.getTerminal(reader).waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw new CardTransportException("waiting for card removal from " + reader + ": " + e.getMessage(), e);
        }
    }

    public boolean isCardPresent(String reader) {
        try {
            return terminals.getTerminal(reader).isCardPresent();
        } catch (CardException e) {
            throw new CardTransportException("reading the state of " + reader + ": " + e.getMessage(), e);
        }
    }

    /** Connects to the card in {@code reader}; exclusive sessions keep other programs out until closed. */
    public PcscCardChannel connect(String reader, boolean exclusive) {
        CardTerminal terminal = terminals.getTerminal(reader);
        if (terminal == null) {
            throw new CardTransportException("no reader " + reader);
        }
        return PcscCardChannel.connect(terminal, exclusive);
    }
}
