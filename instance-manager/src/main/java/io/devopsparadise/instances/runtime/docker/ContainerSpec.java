package io.devopsparadise.instances.runtime.docker;

import io.devopsparadise.instances.runtime.LaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container the docker engine creates for an instance, worked out before any call to the engine
 * so that it can be checked without one.
 *
 * @param portBindings container port → host port, published on 127.0.0.1 only
 * @param readOnlyRoot the root filesystem is read-only, with a tmpfs at /tmp
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, String> labels,
        Map<Integer, Integer> portBindings,
        String workspaceHostPath,
        String workspaceMount,
        String user,
        long memoryBytes,
        long nanoCpus,
        long pidsLimit,
        boolean readOnlyRoot) {

    public static final String MANAGED = "paradise.managed";
    public static final String INSTALLATION = "paradise.installation";
    public static final String CLIENT_ID = "paradise.client-id";
    public static final String INSTANCE_ID = "paradise.instance-id";
    public static final String PROFILE = "paradise.profile";
    public static final String BIND_ADDRESS = "127.0.0.1";
    public static final String WORKSPACE_OWNER = "workspace-owner";
    /** Writable scratch space of a read-only container; it counts against the container's memory limit. */
    public static final Map<String, String> TMPFS = Map.of("/tmp", "rw,nosuid,nodev,size=256m");

    public static ContainerSpec of(LaunchSpec launch) {
        var profile = launch.profile();
        if (profile.image() == null) {
            throw new IllegalArgumentException(
                    "profile " + profile.name() + " has no image; it cannot run on the docker engine");
        }
        Map<Integer, Integer> bindings = new TreeMap<>();
        launch.ports().forEach((name, hostPort) -> bindings.put(profile.containerPort(name, hostPort), hostPort));
        return new ContainerSpec(
                "paradise-" + launch.clientId() + "-" + launch.instanceId().substring(0, 8),
                profile.image(),
                launch.command(profile.workspaceMount(), true),
                launch.env(profile.workspaceMount(), true),
                Map.of(
                        MANAGED,
                        "true",
                        INSTALLATION,
                        launch.installationId(),
                        CLIENT_ID,
                        launch.clientId(),
                        INSTANCE_ID,
                        launch.instanceId(),
                        PROFILE,
                        profile.name()),
                bindings,
                launch.workspace().toString(),
                profile.workspaceMount(),
                user(profile.user(), launch.workspace()),
                profile.limits().memoryBytes(),
                profile.limits().nanoCpus(),
                profile.limits().pids(),
                profile.readOnlyRoot());
    }

    /** The configured user, where {@code workspace-owner} means the uid:gid that owns the workspace. */
    static String user(String configured, Path workspace) {
        if (!WORKSPACE_OWNER.equals(configured)) {
            return configured;
        }
        try {
            return Files.getAttribute(workspace, "unix:uid") + ":" + Files.getAttribute(workspace, "unix:gid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(
                    "cannot read the owner of workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    public List<String> envList() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
