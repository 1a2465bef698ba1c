package org.lanyard.cardsim;

/**
 * Security state that lives only while the card is powered: lost on power off, reset, and when
 * vpcd reconnects, exactly as a real card forgets its PIN and management-key status.
 */
final class Session {
    boolean pinVerified;
    /** The PIN was verified by the command just before this one (PIN policy "always"). */
    boolean pinJustVerified;
    boolean adminAuthenticated;
    /** Plain witness the card expects back in mutual authentication, or null. */
    byte[] witness;
    /** Challenge the card expects encrypted in external authentication, or null. */
    byte[] challenge;
    int authAlgorithm;

    void clearAuthentication() {
        witness = null;
        challenge = null;
    }

    void requireAdmin() {
        if (!adminAuthenticated) {
            throw Sw.fail(Sw.SECURITY_STATUS);
        }
    }

    void requirePin() {
        if (!pinVerified) {
            throw Sw.fail(Sw.SECURITY_STATUS);
        }
    }
}
