package io.devopsparadise.instances.lifecycle;

public class InstanceLimitReachedException extends RuntimeException {

    public InstanceLimitReachedException(int max) {
        super("The instance limit of " + max
                + " is reached; delete idle instances or raise paradise.instances.max-instances");
    }
}
