package io.devopsparadise.dashboard.alerts;

/** A notification the receiver refuses, with what to fix. */
class InvalidAlertsException extends RuntimeException {

    private final int status;

    InvalidAlertsException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
