package io.devopsparadise.instances.runtime;

import java.util.Objects;

/**
 * Refers to what an engine runs for one instance.
 *
 * @param engine the engine's name
 * @param ref    engine-specific: a container id, or {@code pid:startMillis} for a process
 */
public record RuntimeHandle(String engine, String ref) {

    public RuntimeHandle {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(ref, "ref");
    }
}
