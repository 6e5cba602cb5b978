package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A tool the gateway itself answers, listed beside the backend's tools. The extension point for the gateway's
 * own features (instance status, quality runs, …): a bean implementing it is listed and called automatically.
 * Names start with {@value #PREFIX} so that they never collide with a backend's tools.
 */
public interface GatewayTool {

    String PREFIX = "paradise_";

    String name();

    String description();

    /** JSON Schema of the arguments, as a map (serialized as the tool's inputSchema). */
    Map<String, Object> inputSchema();

    Mono<ToolResult> call(Client client, JsonNode arguments);

    /**
     * @param text       what a model reads
     * @param structured the same as data, for clients that use structuredContent; may be null
     */
    record ToolResult(String text, Object structured, boolean isError) {

        public static ToolResult ok(String text, Object structured) {
            return new ToolResult(text, structured, false);
        }

        public static ToolResult error(String text) {
            return new ToolResult(text, null, true);
        }
    }
}
