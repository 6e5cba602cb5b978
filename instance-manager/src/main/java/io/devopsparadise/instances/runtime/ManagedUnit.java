package io.devopsparadise.instances.runtime;

/** Something an engine runs that carries our labels, found during reconciliation. */
public record ManagedUnit(String instanceId, String clientId, RuntimeHandle handle, boolean running) {}
