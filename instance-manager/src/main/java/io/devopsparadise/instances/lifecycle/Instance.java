package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One client's instance as the manager tracks it. Immutable: every change makes a new value. */
public record Instance(
        String id,
        String clientId,
        String profile,
        Engine engine,
        Path workspace,
        Map<String, Integer> ports,
        String mcpUrl,
        RuntimeHandle handle,
        InstanceState state,
        String health,
        Instant createdAt,
        Instant startedAt,
        int restartCount,
        Instant lastActivity,
        ResourceLimits limits) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(state, "state");
        ports = Map.copyOf(ports);
    }

    Instance withState(InstanceState newState, String newHealth) {
        return new Instance(
                id,
                clientId,
                profile,
                engine,
                workspace,
                ports,
                mcpUrl,
                handle,
                newState,
                newHealth,
                createdAt,
                startedAt,
                restartCount,
                lastActivity,
                limits);
    }

    Instance launched(RuntimeHandle newHandle, Instant now) {
        return new Instance(
                id,
                clientId,
                profile,
                engine,
                workspace,
                ports,
                mcpUrl,
                newHandle,
                InstanceState.STARTING,
                "started, waiting for health",
                createdAt,
                now,
                restartCount,
                lastActivity,
                limits);
    }

    Instance withPorts(Map<String, Integer> leasedPorts, String address) {
        return new Instance(
                id,
                clientId,
                profile,
                engine,
                workspace,
                leasedPorts,
                address,
                handle,
                state,
                health,
                createdAt,
                startedAt,
                restartCount,
                lastActivity,
                limits);
    }

    Instance restarted(RuntimeHandle newHandle, Instant now) {
        return new Instance(
                id,
                clientId,
                profile,
                engine,
                workspace,
                ports,
                mcpUrl,
                newHandle,
                InstanceState.STARTING,
                "restarted",
                createdAt,
                now,
                restartCount + 1,
                lastActivity,
                limits);
    }

    Instance touched(Instant now) {
        return new Instance(
                id,
                clientId,
                profile,
                engine,
                workspace,
                ports,
                mcpUrl,
                handle,
                state,
                health,
                createdAt,
                startedAt,
                restartCount,
                now,
                limits);
    }

    /** @param isolation what the instance's engine isolates, as {@code InstanceRuntime.isolation()} says it */
    public InstanceView toView(Instant now, String isolation) {
        long uptime = state == InstanceState.HEALTHY || state == InstanceState.UNHEALTHY
                ? Duration.between(startedAt, now).toSeconds()
                : 0;
        return new InstanceView(
                id,
                clientId,
                profile,
                engine,
                workspace.toString(),
                state,
                ports,
                mcpUrl,
                health,
                createdAt,
                startedAt,
                Math.max(0, uptime),
                restartCount,
                lastActivity,
                limits == null || engine != Engine.DOCKER ? null : limits.memoryBytes(),
                limits == null || engine != Engine.DOCKER ? null : limits.nanoCpus() / 1e9,
                isolation);
    }
}
