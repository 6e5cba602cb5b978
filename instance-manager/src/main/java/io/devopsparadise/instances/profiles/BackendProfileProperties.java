package io.devopsparadise.instances.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One backend profile as written in configuration ({@code paradise.instances.profiles.NAME.*}).
 * Converted into a checked {@link BackendProfile} at start-up.
 *
 * @param engine         {@code auto}, {@code docker} or {@code process}; the manager's setting when absent
 * @param image          container image (docker engine)
 * @param command        program and arguments; placeholders {port}, {port:NAME}, {containerPort:NAME},
 *                       {workspace}, {instanceId}, {clientId}, {dataDir}
 * @param env            environment variables, with the same placeholders
 * @param ports          port names mapped to the port the server listens on inside a container;
 *                       0 means "the same as the leased host port". The process engine always uses the host port.
 * @param mcpPort        name of the port that serves MCP
 * @param mcpPath        HTTP path of the MCP endpoint
 * @param health         how health is checked
 * @param workspaceMount where the workspace appears inside a container
 * @param user           user (uid:gid) a container runs as; {@code workspace-owner} for the workspace's owner,
 *                       so that files the server writes belong to the developer; the image's user when absent
 * @param memory         container memory limit (256MB, 2GB)
 * @param cpus           container CPU limit, in cores
 * @param pids           container process limit
 * @param readOnlyRoot   a container's root filesystem is read-only, with a tmpfs at /tmp (turn off for images
 *                       that write outside their workspace and /tmp)
 * @param requireDigest  refuse to run the image unless it is pinned by digest ({@code image@sha256:…})
 * @param warmupTimeout  how long a {@code warmup} health check may report the backend as getting ready (INDEXING)
 *                       before the instance is restarted
 */
public record BackendProfileProperties(
        EngineChoice engine,
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, Integer> ports,
        @DefaultValue("mcp") String mcpPort,
        @DefaultValue("/mcp") String mcpPath,
        @DefaultValue HealthCheckProperties health,
        @DefaultValue("/workspace") String workspaceMount,
        String user,
        @DefaultValue("1GB") DataSize memory,
        @DefaultValue("1.0") double cpus,
        @DefaultValue("512") long pids,
        @DefaultValue("true") boolean readOnlyRoot,
        @DefaultValue("false") boolean requireDigest,
        @DefaultValue("10m") Duration warmupTimeout) {

    /**
     * @param type {@code mcp} (an MCP initialize on the MCP port), {@code http} (GET of a path) or {@code warmup}
     *             (GET of a path that answers 503 with {@code {"state":"indexing"}} while the backend gets ready)
     * @param port name of the port the check targets; the MCP port when absent
     * @param path HTTP path for {@code http} checks
     */
    public record HealthCheckProperties(
            @DefaultValue("mcp") String type,
            String port,
            @DefaultValue("/") String path) {}
}
