package io.devopsparadise.cli;

import java.io.PrintStream;

/** What the user reads: one "[paradise] …" line per step on standard error; results on standard output. */
final class Console {

    private final PrintStream err;

    Console(PrintStream err) {
        this.err = err;
    }

    void info(String line) {
        err.println("[paradise] " + line);
    }

    void progress(String line) {
        err.println("[paradise]   " + line);
    }

    void error(String line) {
        err.println("[paradise] error: " + line);
    }
}
