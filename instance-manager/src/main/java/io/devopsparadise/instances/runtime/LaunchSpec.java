package io.devopsparadise.instances.runtime;

import io.devopsparadise.instances.profiles.BackendProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an engine needs to start one instance.
 *
 * @param ports   leased host ports by name
 * @param logFile where a process engine writes the instance's output
 */
public record LaunchSpec(
        String instanceId,
        String clientId,
        String installationId,
        BackendProfile profile,
        Path workspace,
        Map<String, Integer> ports,
        Path dataDir,
        Path logFile) {

    public LaunchSpec {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(workspace, "workspace");
        ports = Map.copyOf(ports);
    }

    public int mcpPort() {
        return ports.get(profile.mcpPort());
    }

    /** The profile's command with placeholders filled, for a server that sees the workspace at the given path. */
    public List<String> command(String workspaceSeenAs, boolean containerPorts) {
        CommandTemplate template = template(workspaceSeenAs, containerPorts);
        return profile.command().stream().map(template::fill).toList();
    }

    public Map<String, String> env(String workspaceSeenAs, boolean containerPorts) {
        CommandTemplate template = template(workspaceSeenAs, containerPorts);
        Map<String, String> filled = new java.util.TreeMap<>();
        profile.env().forEach((key, value) -> filled.put(key, template.fill(value)));
        return filled;
    }

    private CommandTemplate template(String workspaceSeenAs, boolean containerPorts) {
        return new CommandTemplate(this, workspaceSeenAs, containerPorts);
    }
}
