package io.devopsparadise.quality.runs;

/** An operation meant for finished runs was asked of a run still in progress. */
class RunStillActiveException extends RuntimeException {

    RunStillActiveException(String id) {
        super("run " + id + " is still running; only finished runs are acknowledged");
    }
}
