package io.devopsparadise.quality.runs;

/** The orchestrator, or one client, has as many runs queued or running as it may. */
class TooManyRunsException extends RuntimeException {

    TooManyRunsException(String why) {
        super(why);
    }
}
