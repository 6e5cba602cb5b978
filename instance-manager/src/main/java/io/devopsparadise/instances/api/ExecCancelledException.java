package io.devopsparadise.instances.api;

/** An exec whose caller cancelled it by its id before it arrived: it is refused, not run. */
class ExecCancelledException extends RuntimeException {

    ExecCancelledException(String message) {
        super(message);
    }
}
