package io.devopsparadise.instances.health;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON-RPC response that came either as plain JSON or as the data of SSE events. */
final class JsonRpcResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRpcResponses() {}

    /** The server's name from an initialize result, or empty when the body holds no result. */
    static Optional<String> resultOf(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.startsWith("{")) {
            return serverName(trimmed);
        }
        return trimmed.lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> serverName(line.substring(5).strip()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> serverName(String json) {
        try {
            JsonNode result = JSON.readTree(json).path("result");
            if (result.isMissingNode() || result.isNull()) {
                return Optional.empty();
            }
            return Optional.of(result.path("serverInfo").path("name").asString("unnamed server"));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
