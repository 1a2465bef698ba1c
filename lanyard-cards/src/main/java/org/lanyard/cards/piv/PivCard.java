package org.lanyard.cards.piv;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.lanyard.cards.CardChannel;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.apdu.MutualAuthentication;
import org.lanyard.cards.piv.apdu.PivCommand;
import org.lanyard.cards.piv.apdu.PivCommands;
import org.lanyard.cards.piv.apdu.PivResponses;

/**
 * A PIV card application (NIST SP 800-73-4 part 2) seen through a {@link CardChannel}, blocking:
 * each method sends its command and waits for the answer. One instance is one card session: PIN
 * and management-key state live on the card for as long as it stays powered. The commands and
 * the reading of answers are the sans-IO layer ({@link PivCommands}, {@link PivResponses},
 * {@link MutualAuthentication}), so a server-side card session that relays APDUs through an agent
 * speaks exactly the same protocol. Yubico's extensions are in {@link YubicoPiv}.
 */
public class PivCard {

    public static final int PIN = PivCommands.PIN;
    public static final int PUK = PivCommands.PUK;
    public static final int MANAGEMENT_KEY = PivCommands.MANAGEMENT_KEY;

    private final PivTransport transport;
    private final SecureRandom random = new SecureRandom();

    public PivCard(CardChannel channel) {
        this.transport = new PivTransport(channel);
    }

    PivTransport transport() {
        return transport;
    }

    /** SELECT the PIV application; returns the application property template (tag 61 content). */
    public byte[] select() {
        return transport.run(PivCommands.select(), PivResponses::applicationTemplate);
    }

    /** GET DATA: the value of the object's outer TLV (53, or 7E for Discovery). */
    public byte[] readObject(int tag) {
        return transport.run(PivCommands.getData(tag), PivResponses::objectValue);
    }

    /** PUT DATA of a container's content (the value of tag 53); empty content deletes it. */
    public void writeObject(int tag, byte[] content) {
        transport.run(PivCommands.putData(tag, content));
    }

    public X509Certificate readCertificate(PivSlot slot) {
        return PivResponses.certificate(slot, readObject(slot.certificateTag()));
    }

    /** Writes a certificate object: 70 certificate, 71 CertInfo (uncompressed), FE error detection. */
    public void writeCertificate(PivSlot slot, X509Certificate certificate) {
        transport.run(PivCommands.putCertificate(slot, certificate));
    }

    public void deleteCertificate(PivSlot slot) {
        writeObject(slot.certificateTag(), new byte[0]);
    }

    /** Key history object: keys with certificates on card and off card (SP 800-73-4 part 1 table 19). */
    public void writeKeyHistory(int onCard, int offCard, String offCardUrl) {
        transport.run(PivCommands.putKeyHistory(onCard, offCard, offCardUrl));
    }

    public void verifyPin(String pin) {
        transport.run(PivCommands.verifyPin(pin));
    }

    /** VERIFY without data: whether the PIN is verified, else how many tries are left. */
    public PinStatus pinStatus() {
        return transport.run(PivCommands.pinStatus(), PivResponses::pinStatus);
    }

    /** Forgets the PIN verification of this session (VERIFY with P1 FF). */
    public void logout() {
        transport.run(PivCommands.logout());
    }

    public void changePin(String oldPin, String newPin) {
        transport.run(PivCommands.changePin(oldPin, newPin));
    }

    public void changePuk(String oldPuk, String newPuk) {
        transport.run(PivCommands.changePuk(oldPuk, newPuk));
    }

    /** RESET RETRY COUNTER: sets a new PIN with the PUK and clears the PIN's retry counter. */
    public void unblockPin(String puk, String newPin) {
        transport.run(PivCommands.unblockPin(puk, newPin));
    }

    /**
     * Mutual authentication with the management key (SP 800-73-4 part 2 appendix A.2): the card
     * proves it knows the key by encrypting our challenge, we prove it by decrypting its witness.
     */
    public void authenticate(ManagementKey key) {
        PivCommand request = MutualAuthentication.requestWitness(key.algorithm());
        byte[] challenge = new byte[key.algorithm().blockSize()];
        random.nextBytes(challenge);
        MutualAuthentication.Answer answer = MutualAuthentication.answer(key, request, transport.exchange(request), challenge);
        MutualAuthentication.verify(key, answer.pending(), answer.command(), transport.exchange(answer.command()));
    }

    /** GENERATE ASYMMETRIC KEY PAIR; needs the management key. Returns the new public key. */
    public PublicKey generateKey(PivSlot slot, KeyAlgorithm algorithm, PinPolicy pin, TouchPolicy touch) {
        return transport.run(PivCommands.generateKey(slot, algorithm, pin, touch), (c, r) -> PivResponses.publicKey(c, algorithm, r));
    }

    public PublicKey generateKey(PivSlot slot, KeyAlgorithm algorithm) {
        return generateKey(slot, algorithm, PinPolicy.DEFAULT, TouchPolicy.DEFAULT);
    }

    /**
     * Private-key operation on a prepared input: for EC the hash (the card returns a DER ECDSA
     * signature), for RSA a block as long as the modulus (already padded; raw result back).
     */
    public byte[] sign(PivSlot slot, KeyAlgorithm algorithm, byte[] input) {
        return transport.run(PivCommands.sign(slot, algorithm, input), PivResponses::authenticationResult);
    }

    /** RSA decryption: the raw result, padding still on. */
    public byte[] decrypt(PivSlot slot, byte[] ciphertext) {
        return sign(slot, KeyAlgorithm.RSA2048, ciphertext);
    }

    /** ECDH with the slot's key: the shared secret (the x coordinate). */
    public byte[] agree(PivSlot slot, KeyAlgorithm algorithm, ECPublicKey peer) {
        return transport.run(PivCommands.agree(slot, algorithm, peer), PivResponses::authenticationResult);
    }

    /** A PIN or PUK as the card wants it: ASCII, padded to 8 bytes with FF. */
    public static byte[] pinBlock(String pin) {
        return PivCommands.pinBlock(pin);
    }

    /** Reads a data object's TLVs into a map (e.g. CHUID fields); convenience for callers. */
    public Map<Integer, byte[]> readObjectFields(int tag) {
        return Tlv.parseMap(readObject(tag));
    }
}
