package io.devopsparadise.instances.lifecycle;

public class InstanceNotReadyException extends RuntimeException {

    public InstanceNotReadyException(String message) {
        super(message);
    }
}
