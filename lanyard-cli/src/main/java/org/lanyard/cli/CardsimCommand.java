package org.lanyard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lanyard.cardsim.CardSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lanyard cardsim}: a virtual PIV card in vpcd's reader, for rehearsing card workflows and
 * for CI. See docs/cards.md for running pcscd and vpcd alongside it.
 */
@Command(name = "cardsim", mixinStandardHelpOptions = true, description = {
    "Connect a virtual PIV card (YubiKey 5 style) to vsmartcard's vpcd, so pcscd shows it as a card in a reader.",
    "Prints 'card ready' once pcscd has powered the card; runs until stopped (Ctrl-C)."})
class CardsimCommand implements Callable<Integer> {

    @Option(names = "--vpcd", paramLabel = "HOST:PORT", defaultValue = CardSimulator.DEFAULT_VPCD,
            description = "vpcd to connect to; port 35963 is reader 'Virtual PCD 00 00', 35964 is '00 01' (default: ${DEFAULT-VALUE})")
    String vpcd;

    @Option(names = "--state", paramLabel = "FILE",
            description = "card state file; created with factory defaults (PIN 123456, PUK 12345678, default management key) "
                    + "when absent. Without it the card forgets everything when stopped. Holds keys in the clear: test use only.")
    Path state;

    @Option(names = "--serial", defaultValue = "" + CardSimulator.DEFAULT_SERIAL,
            description = "serial number of a new card (default: ${DEFAULT-VALUE}); a state file keeps its own")
    long serial;

    @Option(names = "--cards", defaultValue = "1",
            description = "how many cards: card i (0-based) goes to vpcd port PORT+i (vpcd's reader 'Virtual PCD 00 0i'), "
                    + "keeps its state in FILE.i and has serial SERIAL+i (default: ${DEFAULT-VALUE})")
    int cards;

    @Override
    public Integer call() throws Exception {
        if (cards < 1 || cards > 16) {
            System.err.println("lanyard: --cards must be 1 to 16");
            return 2;
        }
        int colon = vpcd.lastIndexOf(':');
        String host = vpcd.substring(0, colon);
        int port = Integer.parseInt(vpcd.substring(colon + 1));
        List<CardSimulator> simulators = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            Path file = state == null || cards == 1 ? state : state.resolveSibling(state.getFileName() + "." + i);
            simulators.add(new CardSimulator(host + ":" + (port + i), file, serial + i, System.out));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> simulators.forEach(CardSimulator::close), "cardsim-stop"));
        for (CardSimulator simulator : simulators) {
            simulator.start();
        }
        for (CardSimulator simulator : simulators) {
            simulator.join();
        }
        return 0;
    }
}
