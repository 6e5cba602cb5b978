package io.devopsparadise.contracts.instances;

/**
 * Lifecycle of a client's instance. {@code FAILED} is terminal: the instance stays visible until deleted.
 */
public enum InstanceState {
    STARTING, HEALTHY, UNHEALTHY, RESTARTING, FAILED;

    public boolean isTerminal() {
        return this == FAILED;
    }
}
