package io.devopsparadise.instances.runtime;

/** The engine will not run an instance as configured, for a reason the operator must fix; the message says how. */
public class InstanceRefusedException extends RuntimeException {

    public InstanceRefusedException(String message) {
        super(message);
    }
}
