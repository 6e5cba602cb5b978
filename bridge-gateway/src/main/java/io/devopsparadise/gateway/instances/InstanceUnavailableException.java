package io.devopsparadise.gateway.instances;

/** The client's instance cannot be had: the manager refused, failed or did not answer. The message says why. */
public class InstanceUnavailableException extends RuntimeException {

    private final int status;

    public InstanceUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status that best describes the failure (503, 504, or the manager's own 4xx). */
    public int status() {
        return status;
    }
}
