package io.devopsparadise.instances.health;

import java.net.http.HttpClient;
import java.time.Duration;

/** Factory of the health checks a backend profile can name. */
public final class HealthChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HealthChecks() {}

    /** Healthy when {@code GET http://127.0.0.1:<port>/<path>} answers 2xx. */
    public static HealthCheck http(String portName, String path) {
        return new HttpHealthCheck(HTTP, portName, path, false);
    }

    /** Healthy when {@code GET path} answers 200; warming while it answers 503 with a state of "starting" or "indexing". */
    public static HealthCheck warmup(String portName, String path) {
        return new HttpHealthCheck(HTTP, portName, path, true);
    }

    /** Healthy when an MCP {@code initialize} on the MCP endpoint returns a result; the session is ended after. */
    public static HealthCheck mcpInitialize(String portName, String mcpPath) {
        return new McpInitializeHealthCheck(HTTP, portName, mcpPath);
    }
}
