package org.lanyard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lanyard.cards.sim.CardSimulator;
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

    @Override
    public Integer call() throws Exception {
        CardSimulator simulator = new CardSimulator(vpcd, state, serial, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "cardsim-stop"));
        simulator.start();
        simulator.join();
        return 0;
    }
}
