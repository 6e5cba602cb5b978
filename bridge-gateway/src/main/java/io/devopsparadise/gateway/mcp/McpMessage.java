package io.devopsparadise.gateway.mcp;

import tools.jackson.databind.JsonNode;

/**
 * One parsed JSON-RPC message from a client, with the bytes it came as (forwarded untouched).
 *
 * @param id     the request id, or null for a notification
 * @param method null for a response to a server request
 */
record McpMessage(JsonNode node, JsonNode id, String method, byte[] raw) {

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
        JsonNode params = node.path("params");
        return params.has("name")
                ? params.path("name").asString(null)
                : params.path("uri").asString(null);
    }
}
