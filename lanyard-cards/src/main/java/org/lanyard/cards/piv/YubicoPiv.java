package org.lanyard.cards.piv;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.lanyard.cards.piv.apdu.YubicoCommands;
import org.lanyard.cards.piv.apdu.YubicoResponses;

/**
 * Yubico's PIV extensions (YubiKey 4/5 and compatible cards), blocking, on the same card session
 * as a {@link PivCard}: version, serial, management key, retry limits, reset, key import,
 * attestation and metadata. The commands are {@link YubicoCommands}.
 */
public class YubicoPiv {

    private final PivTransport transport;

    public YubicoPiv(PivCard card) {
        this.transport = card.transport();
    }

    /** GET VERSION (FD): firmware version as "major.minor.patch". */
    public String version() {
        return transport.run(YubicoCommands.version(), YubicoResponses::version);
    }

    /** GET SERIAL (F8). */
    public long serial() {
        return transport.run(YubicoCommands.serial(), YubicoResponses::serial);
    }

    /** SET MANAGEMENT KEY (FF); needs the current management key. */
    public void setManagementKey(ManagementKey key, boolean requireTouch) {
        transport.run(YubicoCommands.setManagementKey(key, requireTouch));
    }

    /**
     * SET PIN RETRIES (FA); needs the management key and the PIN. The card then resets PIN and
     * PUK to their factory values, as a YubiKey does.
     */
    public void setPinRetries(int pinTries, int pukTries) {
        transport.run(YubicoCommands.setPinRetries(pinTries, pukTries));
    }

    /** RESET (FB): back to factory state; the card allows it only once PIN and PUK are both blocked. */
    public void reset() {
        transport.run(YubicoCommands.reset());
    }

    /** IMPORT KEY (FE): puts an existing private key in a slot; needs the management key. */
    public void importKey(PivSlot slot, PrivateKey key, PinPolicy pin, TouchPolicy touch) {
        transport.run(YubicoCommands.importKey(slot, key, pin, touch));
    }

    /** ATTEST (F9): a certificate for the slot's key, signed by the device's attestation key. */
    public X509Certificate attest(PivSlot slot) {
        return transport.run(YubicoCommands.attest(slot), YubicoResponses::attestation);
    }

    /** GET METADATA (F7) of a key slot, or of {@link PivCard#PIN}, {@link PivCard#PUK}, {@link PivCard#MANAGEMENT_KEY}. */
    public SlotMetadata metadata(int keyRef) {
        return transport.run(YubicoCommands.metadata(keyRef), YubicoResponses::metadata);
    }
}
