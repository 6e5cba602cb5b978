package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.tools.GatewayTool;
import io.devopsparadise.gateway.tools.GatewayTools;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the gateway's tools to the backend's {@code tools/list} answer and answers their {@code tools/call}
 * itself. Everything else passes untouched.
 */
@Component
class ToolAggregator {

    private final GatewayTools tools;
    private final JsonRpc json;
    private final ToolNames names;
    private final BackendBodies bodies;

    ToolAggregator(GatewayTools tools, JsonRpc json, ToolNames names, BackendBodies bodies) {
        this.tools = tools;
        this.json = json;
        this.names = names;
        this.bodies = bodies;
    }

    /**
     * The backend's answer to tools/list with the gateway's tools added, for every transport: in the backend's own
     * format (JSON or an event stream), or, with {@code asJson}, as the JSON of its last message (2026-07-28 answers
     * one request with one JSON body). An answer that is not a 200 passes unchanged.
     */
    Mono<Relayed> augmented(Relayed relayed, JsonNode requestId, boolean asJson) {
        if (relayed.status() != 200) {
            return Mono.just(relayed);
        }
        if (asJson) {
            return bodies.messages(relayed).takeLast(1).collectList().map(last -> {
                byte[] body = last.isEmpty() ? new byte[0] : last.get(0).getBytes(StandardCharsets.UTF_8);
                return Relayed.read(200, "application/json", augment(body, false, requestId));
            });
        }
        Mono<byte[]> bytes = relayed.isBuffered() ? Mono.just(relayed.bytes()) : bodies.join(relayed.body());
        return bytes.map(
                body -> Relayed.read(200, relayed.contentType(), augment(body, relayed.isEventStream(), requestId)));
    }

    /** The bytes to send the backend: the client's own, or, for a call of a tool name the gateway shortened, the call under the backend's name. */
    public byte[] forBackend(McpMessage message) {
        if (!"tools/call".equals(message.method()) || !message.hasParamsObject()) {
            return message.raw();
        }
        return names.backendName(message.target())
                .map(original -> {
                    ObjectNode call = (ObjectNode) message.node().deepCopy();
                    ((ObjectNode) call.get("params")).put("name", original);
                    return json.write(call);
                })
                .orElse(message.raw());
    }

    /**
     * A batch as the backend must get it: each call of a shortened tool name under its full name, as {@link
     * #forBackend} does for one message. A call of the gateway's own tools is refused: they answer one per request,
     * and a backend tool under the gateway's prefix is hidden from clients.
     */
    public byte[] batchForBackend(List<McpMessage> messages) {
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        batch.write('[');
        for (McpMessage message : messages) {
            if ("tools/call".equals(message.method()) && GatewayTools.isGatewayToolName(message.target())) {
                throw new McpError(
                        400,
                        McpError.INVALID_REQUEST,
                        "Invalid Request: call the gateway's own tools (" + GatewayTool.PREFIX
                                + "*) one per request, not in a batch");
            }
            if (batch.size() > 1) {
                batch.write(',');
            }
            batch.writeBytes(forBackend(message));
        }
        batch.write(']');
        return batch.toByteArray();
    }

    /** The answer to a call of one of the gateway's tools, or empty when the message is for the backend. */
    public Optional<Mono<byte[]>> answerLocally(Client client, McpMessage message) {
        if (!"tools/call".equals(message.method()) || !GatewayTools.isGatewayToolName(message.target())) {
            return Optional.empty();
        }
        Optional<GatewayTool> tool = tools.find(message.target());
        if (tool.isEmpty()) {
            return Optional.of(Mono.just(json.error(new McpError(
                    200, McpError.INVALID_PARAMS, "Unknown tool: " + message.target(), message.id(), null))));
        }
        return Optional.of(tool.get()
                .call(client, message.node().path("params").path("arguments"))
                .onErrorResume(
                        e -> Mono.just(GatewayTool.ToolResult.error(tool.get().name() + " failed: " + e.getMessage())))
                .map(result -> json.result(message.id(), toCallResult(result))));
    }

    public boolean isToolsList(McpMessage message) {
        return "tools/list".equals(message.method()) && message.isRequest();
    }

    /** The backend's tools/list answer (JSON or SSE) with the gateway's tools appended. */
    public byte[] augment(byte[] body, boolean eventStream, JsonNode requestId) {
        if (!eventStream) {
            return augmentJson(body, requestId).orElse(body);
        }
        StringBuilder out = new StringBuilder();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("data:")) {
                byte[] data = line.substring(5).strip().getBytes(StandardCharsets.UTF_8);
                line = augmentJson(data, requestId)
                        .map(b -> "data: " + new String(b, StandardCharsets.UTF_8))
                        .orElse(line);
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Optional<byte[]> augmentJson(byte[] data, JsonNode requestId) {
        JsonNode message;
        try {
            message = json.read(data);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (!(message instanceof ObjectNode object)
                || !requestId.equals(object.get("id"))
                || !(object.path("result").path("tools") instanceof ArrayNode list)) {
            return Optional.empty();
        }
        ArrayNode merged = json.array();
        list.forEach(tool -> {
            String name = tool.path("name").asString("");
            if (GatewayTools.isGatewayToolName(name)) {
                return;
            }
            String shown = names.forClient(name);
            merged.add(
                    shown.equals(name) || !(tool instanceof ObjectNode described)
                            ? tool
                            : described.deepCopy().put("name", shown));
        });
        tools.all().forEach(tool -> merged.add(describe(tool)));
        ((ObjectNode) object.get("result")).set("tools", merged);
        return Optional.of(json.write(object));
    }

    private ObjectNode describe(GatewayTool tool) {
        ObjectNode node = json.object().put("name", tool.name()).put("description", tool.description());
        node.set("inputSchema", json.mapper().valueToTree(tool.inputSchema()));
        return node;
    }

    private JsonNode toCallResult(GatewayTool.ToolResult result) {
        ObjectNode node = json.object();
        node.putArray("content").addObject().put("type", "text").put("text", result.text());
        if (result.structured() != null) {
            node.set("structuredContent", json.mapper().valueToTree(result.structured()));
        }
        node.put("isError", result.isError());
        return node;
    }

    /** The gateway's tools as a complete tools/list result, for clients whose backend is not reachable. */
    public JsonNode gatewayToolsOnly() {
        ObjectNode result = json.object();
        ArrayNode list = result.putArray("tools");
        tools.all().forEach(tool -> list.add(describe(tool)));
        return result;
    }
}
