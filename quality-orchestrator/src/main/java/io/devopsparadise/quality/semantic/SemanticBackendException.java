package io.devopsparadise.quality.semantic;

/** The client's code backend failed a call, timed out, or answered something this orchestrator cannot read. */
public class SemanticBackendException extends RuntimeException {

    public SemanticBackendException(String message) {
        super(message);
    }

    public SemanticBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
