package io.devopsparadise.instances.runtime;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.instances.profiles.BackendProfile;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Picks the engine for a profile: the one it names, or docker when an engine answers and process otherwise. */
@Component
public class InstanceRuntimes {

    private final Map<Engine, InstanceRuntime> byEngine;

    public InstanceRuntimes(List<InstanceRuntime> runtimes) {
        this.byEngine = runtimes.stream().collect(Collectors.toMap(InstanceRuntime::engine, Function.identity()));
    }

    public InstanceRuntime forProfile(BackendProfile profile) {
        return switch (profile.engine()) {
            case DOCKER -> of(Engine.DOCKER);
            case PROCESS -> of(Engine.PROCESS);
            case AUTO -> of(Engine.DOCKER).isAvailable() ? of(Engine.DOCKER) : of(Engine.PROCESS);
        };
    }

    public InstanceRuntime of(Engine engine) {
        InstanceRuntime runtime = byEngine.get(engine);
        if (runtime == null) {
            throw new EngineUnavailableException(
                    engine, "no such engine is configured (known: " + byEngine.keySet() + ")", null);
        }
        return runtime;
    }

    public List<InstanceRuntime> all() {
        return List.copyOf(byEngine.values());
    }
}
