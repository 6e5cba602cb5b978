package io.devopsparadise.gateway.mcp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON-RPC message from a client, with the bytes it came as (forwarded untouched). What the gateway decides on
 * (id, method, target) is read once; the whole tree is built only when something asks for it (an initialize, a call
 * of the gateway's own tools, a renamed tool), so that a relayed call is never parsed whole.
 */
final class McpMessage {

    private final JsonNode id;
    private final String method;
    private final String target;
    private final boolean paramsIsObject;
    private final byte[] raw;
    private final JsonMapper json;
    private volatile JsonNode node;

    private McpMessage(
            JsonNode node,
            JsonNode id,
            String method,
            String target,
            boolean paramsIsObject,
            byte[] raw,
            JsonMapper json) {
        this.node = node;
        this.id = id;
        this.method = method;
        this.target = target;
        this.paramsIsObject = paramsIsObject;
        this.raw = raw;
        this.json = json;
    }

    /** A message of a batch, read as a tree. */
    static McpMessage of(JsonNode node, JsonNode id, String method, byte[] raw) {
        JsonNode params = node.path("params");
        String target = params.has("name")
                ? params.path("name").asString(null)
                : params.path("uri").asString(null);
        return new McpMessage(node, id, method, target, params.isObject(), raw, null);
    }

    /** A message read by {@link MessagePeek}: its tree is built from {@code raw} when first asked for. */
    static McpMessage peeked(
            JsonMapper json, JsonNode id, String method, String target, boolean paramsIsObject, byte[] raw) {
        return new McpMessage(null, id, method, target, paramsIsObject, raw, json);
    }

    /** The request id, or null for a notification. */
    public JsonNode id() {
        return id;
    }

    /** The method; null for a response to a server request. */
    public String method() {
        return method;
    }

    public byte[] raw() {
        return raw;
    }

    /** The whole message as a tree (built on first use). */
    public JsonNode node() {
        JsonNode read = node;
        if (read == null) {
            read = json.readTree(raw);
            node = read;
        }
        return read;
    }

    /** Whether {@code params} is a JSON object. */
    public boolean hasParamsObject() {
        return paramsIsObject;
    }

    public boolean isRequest() {
        return method != null && id != null;
    }

    public boolean isNotification() {
        return method != null && id == null;
    }

    public boolean isInitialize() {
        return "initialize".equals(method);
    }

    /** {@code params.name} of tools/call and prompts/get, {@code params.uri} of resources/read. */
    public String target() {
        return target;
    }
}
