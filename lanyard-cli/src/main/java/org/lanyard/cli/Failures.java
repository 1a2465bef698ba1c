package org.lanyard.cli;

import org.lanyard.core.LanyardException;

/** One line for a failure: the core's code and detail, or the message of anything else. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof LanyardException le) {
            return le.code() + ": " + le.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof LanyardException le) {
                return le.code() + ": " + le.getMessage();
            }
            root = root.getCause();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
