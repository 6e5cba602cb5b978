package io.devopsparadise.quality.exec;

public class ExecutionUnavailableException extends RuntimeException {

    public ExecutionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
