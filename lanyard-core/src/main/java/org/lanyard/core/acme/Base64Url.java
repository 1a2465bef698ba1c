package org.lanyard.core.acme;

import java.util.Base64;

/** Unpadded base64url (RFC 7515 §2); anything else is {@code malformed}. */
public final class Base64Url {

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] decode(String text, String what) {
        if (text == null) {
            throw AcmeError.MALFORMED.exception(what + " is missing");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw AcmeError.MALFORMED.exception(what + " is not unpadded base64url");
            }
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw AcmeError.MALFORMED.exception(what + " is not unpadded base64url");
        }
    }
}
