package org.lanyard.cards.piv.apdu;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.SlotMetadata;

/** Reads the answers to {@link YubicoCommands}, with the same error rules as {@link PivResponses}. */
public final class YubicoResponses {

    private YubicoResponses() {
    }

    /** GET VERSION as "major.minor.patch". */
    public static String version(PivCommand command, ResponseApdu response) {
        byte[] v = PivResponses.data(command, response);
        if (v.length < 3) {
            throw new CardException(command.operation(), 0x6A80);
        }
        return (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF);
    }

    public static long serial(PivCommand command, ResponseApdu response) {
        byte[] s = PivResponses.data(command, response);
        if (s.length == 0 || s.length > 8) {
            throw new CardException(command.operation(), 0x6A80);
        }
        return new BigInteger(1, s).longValue();
    }

    /** The attestation certificate ATTEST returned (plain DER). */
    public static X509Certificate attestation(PivCommand command, ResponseApdu response) {
        byte[] der = PivResponses.data(command, response);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("attestation does not parse", e);
        }
    }

    /** GET METADATA: fields the card did not send are -1 (numbers) or null (public key). */
    public static SlotMetadata metadata(PivCommand command, ResponseApdu response) {
        Map<Integer, byte[]> m;
        try {
            m = Tlv.parseMap(PivResponses.data(command, response));
        } catch (Tlv.MalformedTlvException e) {
            throw new CardException(command.operation(), 0x6A80);
        }
        byte[] policy = m.get(0x02);
        byte[] retries = m.get(0x06);
        return new SlotMetadata(first(m.get(0x01)), first(policy), policy == null || policy.length < 2 ? -1 : policy[1] & 0xFF,
                first(m.get(0x03)), m.get(0x04), first(m.get(0x05)) == 1, first(retries),
                retries == null || retries.length < 2 ? -1 : retries[1] & 0xFF);
    }

    private static int first(byte[] b) {
        return b == null || b.length == 0 ? -1 : b[0] & 0xFF;
    }
}
