package io.devopsparadise.contracts.instances;

/**
 * Lifecycle of a client's instance. {@code INDEXING}: the backend runs and builds its index of the workspace (the
 * {@code code} backend's language servers); it serves once HEALTHY. {@code FAILED} is terminal: the instance stays
 * visible until deleted.
 */
public enum InstanceState {
    STARTING,
    INDEXING,
    HEALTHY,
    UNHEALTHY,
    RESTARTING,
    FAILED;

    public boolean isTerminal() {
        return this == FAILED;
    }
}
