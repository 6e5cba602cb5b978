package io.devopsparadise.instances.runtime;

public class InstanceStartException extends RuntimeException {

    public InstanceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
