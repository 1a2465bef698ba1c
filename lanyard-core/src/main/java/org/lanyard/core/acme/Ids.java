package org.lanyard.core.acme;

import java.security.SecureRandom;

/** Random resource ids: 96 bits, base64url (16 characters). Unguessable, so URLs leak nothing. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64Url.encode(b);
    }
}
