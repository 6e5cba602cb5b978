package io.devopsparadise.instances.lifecycle;

public class InstanceNotFoundException extends RuntimeException {

    public InstanceNotFoundException(String id) {
        super("No instance with id " + id + "; it may have been deleted or reaped for idleness");
    }
}
