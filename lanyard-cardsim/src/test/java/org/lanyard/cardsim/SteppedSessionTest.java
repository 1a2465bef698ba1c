package org.lanyard.cardsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.TouchPolicy;
import org.lanyard.cards.piv.apdu.MutualAuthentication;
import org.lanyard.cards.piv.apdu.PendingAuthentication;
import org.lanyard.cards.piv.apdu.PivCommand;
import org.lanyard.cards.piv.apdu.PivCommands;
import org.lanyard.cards.piv.apdu.PivResponses;
import org.lanyard.cards.piv.apdu.ResponseAssembler;

/**
 * The virtual card driven the way a server-side card session will drive a real one (ADR 0011):
 * every APDU is one agent round trip, and between round trips the session keeps only bytes
 * (the encoded {@link ResponseAssembler} and {@link PendingAuthentication}), as if each answer
 * were handled by another node.
 */
class SteppedSessionTest {

    private final VirtualPivCard card = VirtualPivCard.inMemory(31337L, Clock.systemUTC());
    private final List<byte[]> agentSaw = new ArrayList<>();

    @Test
    void issuanceRunsOneApduPerRoundTripWithOnlyBytesInBetween() throws Exception {
        run(PivCommands.select());
        authenticate(ManagementKey.DEFAULT);
        PivCommand generate = PivCommands.generateKey(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, PinPolicy.DEFAULT, TouchPolicy.DEFAULT);
        PublicKey key = PivResponses.publicKey(generate, KeyAlgorithm.ECCP256, run(generate));
        byte[] big = new byte[900];
        new SecureRandom().nextBytes(big);
        PivCommand put = PivCommands.putData(PivSlot.retired(5).certificateTag(), big);
        PivResponses.done(put, run(put));

        PivCommand read = PivCommands.getData(PivSlot.retired(5).certificateTag());
        assertThat(PivResponses.objectValue(read, run(read))).isEqualTo(big);

        PivCommand verify = PivCommands.verifyPin("123456");
        PivResponses.done(verify, run(verify));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(big);
        PivCommand sign = PivCommands.sign(PivSlot.AUTHENTICATION, KeyAlgorithm.ECCP256, hash);
        byte[] signature = PivResponses.authenticationResult(sign, run(sign));
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(key);
        v.update(big);
        assertThat(v.verify(signature)).isTrue();
        assertThat(agentSaw).as("the card saw only what went through the agent").allSatisfy(apdu -> assertThat(apdu).isNotEmpty());
        assertThat(agentSaw.stream().anyMatch(apdu -> contains(apdu, ManagementKey.DEFAULT.key())))
                .as("the management key never goes through the agent").isFalse();
    }

    @Test
    void aStaleStepIsRefusedByTheCardNotTrustedByUs() {
        run(PivCommands.select());
        PivCommand request = MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES);
        ResponseApdu witness = run(request);
        MutualAuthentication.Answer answer = MutualAuthentication.answer(ManagementKey.DEFAULT, request, witness, new byte[8]);

        run(MutualAuthentication.requestWitness(ManagementKey.Algorithm.TDES));
        ResponseApdu replayed = run(answer.command());

        assertThatThrownBy(() -> MutualAuthentication.verify(ManagementKey.DEFAULT, answer.pending(), answer.command(), replayed))
                .isInstanceOf(CardException.SecurityConditionException.class);
        assertThatThrownBy(() -> new PivCard(card).writeObject(0x5FC109, new byte[] {1}))
                .isInstanceOf(CardException.SecurityConditionException.class);
    }

    private void authenticate(ManagementKey key) {
        PivCommand request = MutualAuthentication.requestWitness(key.algorithm());
        ResponseApdu witness = run(request);
        byte[] challenge = new byte[key.algorithm().blockSize()];
        new SecureRandom().nextBytes(challenge);
        MutualAuthentication.Answer answer = MutualAuthentication.answer(key, request, witness, challenge);
        byte[] stored = answer.pending().encode();
        ResponseApdu cardAnswer = run(answer.command());
        MutualAuthentication.verify(key, PendingAuthentication.decode(stored), answer.command(), cardAnswer);
    }

    /** One command, one APDU per round trip; only the encoded state survives between them. */
    private ResponseApdu run(PivCommand command) {
        ResponseAssembler.Send first = ResponseAssembler.start(command);
        byte[] apdu = first.apdu().encode();
        byte[] state = first.then().encode();
        while (true) {
            agentSaw.add(apdu);
            byte[] answer = card.transmit(apdu);
            ResponseAssembler.Next next = ResponseAssembler.decode(state).accept(ResponseApdu.parse(answer));
            if (next instanceof ResponseAssembler.Done done) {
                return done.response();
            }
            ResponseAssembler.Send send = (ResponseAssembler.Send) next;
            apdu = send.apdu().encode();
            state = send.then().encode();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
