package io.devopsparadise.cli;

/** A failure the user can act on: its message says what went wrong and what to do. Exit code 1 (2 for usage). */
class CliException extends RuntimeException {

    private final int exitCode;

    CliException(String message) {
        this(message, 1);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(message, 2);
    }

    int exitCode() {
        return exitCode;
    }
}
