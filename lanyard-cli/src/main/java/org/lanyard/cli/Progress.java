package org.lanyard.cli;

import java.io.PrintStream;

/** Numbered steps for long operations, e.g. {@code [2/4] creating the issuing CA}. */
final class Progress {

    private final PrintStream out;
    private final int total;
    private int done;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    void step(String what) {
        done++;
        out.printf("[%d/%d] %s%n", done, total, what);
        out.flush();
    }
}
