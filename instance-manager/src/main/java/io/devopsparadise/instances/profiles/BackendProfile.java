package io.devopsparadise.instances.profiles;

import io.devopsparadise.instances.health.HealthCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checked backend profile: how to launch one client's MCP server and how to tell it is healthy.
 *
 * @param ports         port name → port inside the container (0: same as the host port); iteration order is stable
 * @param readOnlyRoot  a container's root filesystem is read-only, with a tmpfs at /tmp
 * @param requireDigest the image must be pinned by digest ({@code name@sha256:…}); a tag is refused
 * @param warmupTimeout how long the instance may stay INDEXING before it is restarted
 */
public record BackendProfile(
        String name,
        EngineChoice engine,
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, Integer> ports,
        String mcpPort,
        String mcpPath,
        HealthCheck healthCheck,
        String workspaceMount,
        String user,
        ResourceLimits limits,
        boolean readOnlyRoot,
        boolean requireDigest,
        Duration warmupTimeout) {

    /** The same profile with other container limits (one instance's, asked for when it was provisioned). */
    public BackendProfile withLimits(ResourceLimits other) {
        return new BackendProfile(
                name,
                engine,
                image,
                command,
                env,
                ports,
                mcpPort,
                mcpPath,
                healthCheck,
                workspaceMount,
                user,
                other,
                readOnlyRoot,
                requireDigest,
                warmupTimeout);
    }

    public BackendProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        command = List.copyOf(command);
        env = Map.copyOf(env);
        ports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        if (!ports.containsKey(mcpPort)) {
            throw new IllegalArgumentException(
                    "profile " + name + ": mcp-port '" + mcpPort + "' is not among its ports " + ports.keySet());
        }
    }

    /** Whether the image is named by digest, so that what runs cannot change under the same name. */
    public boolean imagePinned() {
        return image != null && image.contains("@sha256:");
    }

    public List<String> portNames() {
        return List.copyOf(ports.keySet());
    }

    public int containerPort(String portName, int hostPort) {
        int inside = ports.getOrDefault(portName, 0);
        return inside == 0 ? hostPort : inside;
    }
}
