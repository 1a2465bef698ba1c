package org.lanyard.cards.piv.apdu;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PinStatus;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;

/**
 * Reads the card's answers to {@link PivCommands}: each method takes the command that was sent
 * (for its name in errors) and the whole response as {@link ResponseAssembler} delivered it. A
 * status word other than 9000 becomes the typed {@link CardException} ({@code 63Cx}: wrong
 * secret with x tries left, {@code 6983}: blocked, {@code 6982}: security condition, …); an
 * answer that does not parse is a {@link CardException} with {@code 6A80}, the card's own word
 * for bad data.
 */
public final class PivResponses {

    private PivResponses() {
    }

    /** The response data of a command that succeeded (9000); otherwise the typed exception. */
    public static byte[] data(PivCommand command, ResponseApdu response) {
        if (response.sw() != ResponseApdu.SW_OK) {
            throw CardException.of(command.operation(), response.sw());
        }
        return response.data();
    }

    /** The application property template of SELECT (the content of tag 61); empty if the card sent none. */
    public static byte[] applicationTemplate(PivCommand command, ResponseApdu response) {
        byte[] apt = data(command, response);
        return apt.length == 0 ? apt : unwrap(command, 0x61, apt);
    }

    /** The value of the object GET DATA returned (its outer tag: 53, 7E for Discovery, 7F61). */
    public static byte[] objectValue(PivCommand command, ResponseApdu response) {
        byte[] data = data(command, response);
        if (data.length == 0) {
            throw CardException.of(command.operation(), 0x6A82);
        }
        try {
            return Tlv.parse(data).get(0).value();
        } catch (Tlv.MalformedTlvException e) {
            throw new CardException(command.operation(), 0x6A80);
        }
    }

    /** The certificate in a certificate object's value (tag 70). */
    public static X509Certificate certificate(PivSlot slot, byte[] objectValue) {
        byte[] der;
        try {
            der = Tlv.parseMap(objectValue).get(0x70);
        } catch (Tlv.MalformedTlvException e) {
            der = null;
        }
        if (der == null) {
            throw new CardException("read certificate of " + slot, 0x6A80);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate in " + slot + " does not parse", e);
        }
    }

    /** The answer to {@link PivCommands#pinStatus()}: 9000 verified, 63Cx tries left, 6983 blocked. */
    public static PinStatus pinStatus(PivCommand command, ResponseApdu response) {
        int sw = response.sw();
        if (sw == ResponseApdu.SW_OK) {
            return new PinStatus(true, -1);
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            return new PinStatus(false, sw & 0x0F);
        }
        if (sw == 0x6983) {
            return new PinStatus(false, 0);
        }
        throw CardException.of(command.operation(), sw);
    }

    /** Nothing but success: VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER, PUT DATA and the like. */
    public static void done(PivCommand command, ResponseApdu response) {
        data(command, response);
    }

    /** The public key GENERATE returned (template 7F49). */
    public static PublicKey publicKey(PivCommand command, KeyAlgorithm algorithm, ResponseApdu response) {
        byte[] template = unwrap(command, 0x7F49, data(command, response));
        try {
            return PublicKeyCodec.decode(algorithm, template);
        } catch (IllegalArgumentException | Tlv.MalformedTlvException e) {
            throw new CardException(command.operation(), 0x6A80);
        }
    }

    /** The result of a private-key GENERAL AUTHENTICATE: the response (82) in the template 7C. */
    public static byte[] authenticationResult(PivCommand command, ResponseApdu response) {
        return dynamicAuthentication(command, response, 0x82);
    }

    /** One element of the dynamic authentication template (7C) of a GENERAL AUTHENTICATE answer. */
    static byte[] dynamicAuthentication(PivCommand command, ResponseApdu response, int tag) {
        byte[] value;
        try {
            value = Tlv.parseMap(unwrap(command, 0x7C, data(command, response))).get(tag);
        } catch (Tlv.MalformedTlvException e) {
            value = null;
        }
        if (value == null) {
            throw new CardException(command.operation(), 0x6A80);
        }
        return value;
    }

    private static byte[] unwrap(PivCommand command, int tag, byte[] data) {
        try {
            List<Tlv.Element> elements = Tlv.parse(data);
            if (elements.isEmpty() || elements.get(0).tag() != tag) {
                throw new CardException(command.operation(), 0x6A80);
            }
            return elements.get(0).value();
        } catch (Tlv.MalformedTlvException e) {
            throw new CardException(command.operation(), 0x6A80);
        }
    }
}
