package io.devopsparadise.instances.profiles;

/** Which runtime runs a profile's instances. */
public enum EngineChoice {
    /** docker when an engine answers, process otherwise */
    AUTO,
    DOCKER,
    PROCESS
}
