package io.devopsparadise.instances.runtime;

import io.devopsparadise.contracts.instances.Engine;
import java.util.Objects;

/**
 * Refers to what an engine runs for one instance.
 *
 * @param engine the engine running it
 * @param ref    engine-specific: a container id, or {@code pid:startMillis} for a process
 */
public record RuntimeHandle(Engine engine, String ref) {

    public RuntimeHandle {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(ref, "ref");
    }
}
