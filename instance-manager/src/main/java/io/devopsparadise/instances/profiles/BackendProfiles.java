package io.devopsparadise.instances.profiles;

import io.devopsparadise.instances.health.HealthCheck;
import io.devopsparadise.instances.health.HealthChecks;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The configured backend profiles, checked once at start-up. */
@Component
public class BackendProfiles {

    private final Map<String, BackendProfile> byName = new TreeMap<>();

    public BackendProfiles(InstanceProperties properties) {
        properties.profiles().forEach((name, raw) -> byName.put(name, toProfile(name, raw, properties.engine())));
    }

    /** The profile of that name; a request that names none gets {@code DefaultBackend}'s choice. */
    public BackendProfile get(String name) {
        BackendProfile profile = byName.get(name);
        if (profile == null) {
            throw new UnknownProfileException(name, byName.keySet());
        }
        return profile;
    }

    public Map<String, BackendProfile> all() {
        return Map.copyOf(byName);
    }

    static BackendProfile toProfile(String name, BackendProfileProperties raw, EngineChoice fallbackEngine) {
        if (raw.command() == null && raw.image() == null) {
            throw new IllegalArgumentException("profile " + name + " needs an image, a command, or both");
        }
        Map<String, Integer> ports =
                raw.ports() == null || raw.ports().isEmpty() ? Map.of(raw.mcpPort(), 0) : raw.ports();
        return new BackendProfile(
                name,
                raw.engine() == null ? fallbackEngine : raw.engine(),
                raw.image(),
                raw.command() == null ? java.util.List.of() : raw.command(),
                raw.env() == null ? Map.of() : raw.env(),
                new java.util.LinkedHashMap<>(new TreeMap<>(ports)),
                raw.mcpPort(),
                raw.mcpPath(),
                healthCheck(name, raw),
                raw.workspaceMount(),
                raw.user(),
                new ResourceLimits(raw.memory().toBytes(), Math.round(raw.cpus() * 1e9), raw.pids()),
                raw.readOnlyRoot(),
                raw.requireDigest(),
                raw.warmupTimeout());
    }

    private static HealthCheck healthCheck(String name, BackendProfileProperties raw) {
        var check = raw.health();
        String port = check.port() == null ? raw.mcpPort() : check.port();
        return switch (check.type()) {
            case "mcp" -> HealthChecks.mcpInitialize(port, raw.mcpPath());
            case "http" -> HealthChecks.http(port, check.path());
            case "warmup" -> HealthChecks.warmup(port, check.path());
            default ->
                throw new IllegalArgumentException("profile " + name
                        + ": health type must be 'mcp', 'http' or 'warmup', got '" + check.type() + "'");
        };
    }
}
