package org.lanyard.cards.piv;

import java.util.function.BiFunction;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.piv.apdu.PivCommand;
import org.lanyard.cards.piv.apdu.PivResponses;
import org.lanyard.cards.piv.apdu.ResponseAssembler;

/**
 * The blocking loop around {@link ResponseAssembler}: sends each APDU it asks for through a
 * {@link CardChannel} and feeds it the answer, until the command is done. All protocol decisions
 * (chaining, GET RESPONSE, Le) stay in the sans-IO layer; this class only waits.
 */
final class PivTransport {

    private final CardChannel channel;

    PivTransport(CardChannel channel) {
        this.channel = channel;
    }

    /** Runs a command to its end and returns the whole response, whatever the status word. */
    ResponseApdu exchange(PivCommand command) {
        ResponseAssembler.Next next = ResponseAssembler.start(command);
        while (next instanceof ResponseAssembler.Send send) {
            next = send.then().accept(ResponseApdu.parse(channel.transmit(send.apdu().encode())));
        }
        return ((ResponseAssembler.Done) next).response();
    }

    /** Runs a command and reads its answer with one of the sans-IO parsers. */
    <T> T run(PivCommand command, BiFunction<PivCommand, ResponseApdu, T> parser) {
        return parser.apply(command, exchange(command));
    }

    /** Runs a command that answers with a status word only; any but 9000 is a typed {@code CardException}. */
    void run(PivCommand command) {
        run(command, PivResponses::data);
    }
}
