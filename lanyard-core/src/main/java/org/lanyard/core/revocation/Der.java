package org.lanyard.core.revocation;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The few DER encodings the streaming CRL writer makes by hand: headers with long lengths (a
 * revoked list can pass 2 GiB), CRL entries, and RFC 5280 times. Everything else is encoded by
 * BouncyCastle.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    private static final byte[] REASON_CODE_OID = {0x06, 0x03, 0x55, 0x1D, 0x15};
    private static final byte[] INVALIDITY_DATE_OID = {0x06, 0x03, 0x55, 0x1D, 0x18};

    private Der() {
    }

    /** Tag and definite length of a value with {@code length} content octets. */
    static byte[] header(int tag, long length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int octets = (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[2 + octets];
        out[0] = (byte) tag;
        out[1] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            out[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
        }
        return out;
    }

    static long encodedLength(long contentLength) {
        return header(0, contentLength).length + contentLength;
    }

    /** One revokedCertificates entry: serial, revocation date, reasonCode (absent when unspecified), invalidityDate. */
    static byte[] crlEntry(BigInteger serial, Instant revokedAt, RevocationReason reason, Instant invalidityDate) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream(48);
        if (reason != RevocationReason.unspecified) {
            // Extension { reasonCode, OCTET STRING { ENUMERATED code } }
            byte[] value = {0x04, 0x03, 0x0A, 0x01, (byte) reason.code()};
            write(extensions, header(SEQUENCE, REASON_CODE_OID.length + value.length), REASON_CODE_OID, value);
        }
        if (invalidityDate != null) {
            byte[] time = generalizedTime(invalidityDate);
            byte[] value = concat(header(0x04, time.length), time);
            write(extensions, header(SEQUENCE, INVALIDITY_DATE_OID.length + value.length), INVALIDITY_DATE_OID, value);
        }
        byte[] serialValue = serial.toByteArray();
        byte[] time = time(revokedAt);
        ByteArrayOutputStream content = new ByteArrayOutputStream(64);
        write(content, header(0x02, serialValue.length), serialValue, time);
        if (extensions.size() > 0) {
            write(content, header(SEQUENCE, extensions.size()), extensions.toByteArray());
        }
        return concat(header(SEQUENCE, content.size()), content.toByteArray());
    }

    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    static byte[] time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 2050 && t.getYear() >= 1950) {
            byte[] out = new byte[15];
            out[0] = 0x17;
            out[1] = 13;
            digits(out, 2, t.getYear() % 100, t);
            return out;
        }
        return generalizedTime(instant);
    }

    static byte[] generalizedTime(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + t.getYear());
        }
        byte[] out = new byte[17];
        out[0] = 0x18;
        out[1] = 15;
        two(out, 2, t.getYear() / 100);
        digits(out, 4, t.getYear() % 100, t);
        return out;
    }

    /** YYMMDDHHMMSSZ from {@code at}. */
    private static void digits(byte[] out, int at, int year, LocalDateTime t) {
        two(out, at, year);
        two(out, at + 2, t.getMonthValue());
        two(out, at + 4, t.getDayOfMonth());
        two(out, at + 6, t.getHour());
        two(out, at + 8, t.getMinute());
        two(out, at + 10, t.getSecond());
        out[at + 12] = 'Z';
    }

    private static void two(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, parts);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[]... parts) {
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
    }
}
