package org.lanyard.core.acme;

import java.math.BigInteger;

/**
 * An ARI certificate identifier (RFC 9773 §4.1): base64url(authority key identifier) "."
 * base64url(DER serial number content octets).
 */
public record CertId(byte[] keyIdentifier, BigInteger serial) {

    public static CertId parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || text.length() > 200) {
            throw AcmeError.MALFORMED.exception("a certificate identifier is keyIdentifier.serial, both base64url");
        }
        byte[] aki = Base64Url.decode(parts[0], "the key identifier");
        byte[] serial = Base64Url.decode(parts[1], "the serial");
        if (serial.length == 0 || serial.length > 21 || (serial[0] & 0x80) != 0) {
            throw AcmeError.MALFORMED.exception("the serial is not a positive DER integer");
        }
        return new CertId(aki, new BigInteger(serial));
    }

    public static String of(byte[] keyIdentifier, BigInteger serial) {
        return Base64Url.encode(keyIdentifier) + "." + Base64Url.encode(serial.toByteArray());
    }
}
