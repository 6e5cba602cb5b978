package io.devopsparadise.contracts.instances;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An instance as the instance-manager shows it to other services.
 *
 * @param ports      host ports by name ({@code mcp}, {@code dashboard}, …), all on 127.0.0.1
 * @param mcpUrl     where the instance's MCP endpoint answers, from the host
 * @param health     the last health check's outcome, in words
 * @param memoryLimitBytes the container's memory limit; null for a process (not limited)
 * @param cpuLimit   the container's CPU limit in cores; null for a process
 * @param isolation  what the instance's engine isolates it from and what it cannot, in words (a process instance
 *                   runs as the platform's user and can read its files)
 */
public record InstanceView(
        String id,
        String clientId,
        String profile,
        Engine engine,
        String workspace,
        InstanceState state,
        Map<String, Integer> ports,
        String mcpUrl,
        String health,
        Instant createdAt,
        Instant startedAt,
        long uptimeSeconds,
        int restartCount,
        Instant lastActivity,
        Long memoryLimitBytes,
        Double cpuLimit,
        String isolation) {

    public InstanceView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(state, "state");
        ports = Map.copyOf(ports);
    }
}
