package io.devopsparadise.gateway.mcp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Parses client messages and writes gateway-made responses. */
@Component
class JsonRpc {

    /** What a client sends once initialize answered; the gateway sends it too when it opens a backend session itself. */
    static final byte[] INITIALIZED_NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The most messages one batch may hold: each counts against the client's rate limit, and all run at once. */
    static final int MAX_BATCH = 100;

    private final JsonMapper json;

    public JsonRpc(JsonMapper json) {
        this.json = json;
    }

    public JsonMapper mapper() {
        return json;
    }

    /**
     * One message (peeked at, not read whole: {@link MessagePeek}), or the messages of a batch. Fails with -32700 or
     * -32600 saying what is wrong.
     */
    public List<McpMessage> parse(byte[] body) {
        requireUtf8(body);
        if (!isBatch(body)) {
            return List.of(MessagePeek.read(json, body));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new McpError(
                    400,
                    McpError.PARSE_ERROR,
                    "Parse error: the body is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new McpError(400, McpError.PARSE_ERROR, "Parse error: the body is empty");
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new McpError(400, McpError.INVALID_REQUEST, "Invalid Request: an empty batch");
            }
            if (root.size() > MAX_BATCH) {
                throw new McpError(
                        400,
                        McpError.INVALID_REQUEST,
                        "Invalid Request: a batch of " + root.size() + " messages; a batch holds at most " + MAX_BATCH
                                + ", send the others in another request");
            }
            List<McpMessage> messages = new ArrayList<>();
            for (JsonNode element : root) {
                messages.add(message(element, json.writeValueAsBytes(element)));
            }
            return messages;
        }
        return List.of(message(root, body));
    }

    /**
     * Jackson reads bytes as UTF-16 or UTF-32 when they start with a byte order mark or hold a NUL among the first
     * four, where a backend reads them as UTF-8 (RFC 8259 §8.1: JSON between systems is UTF-8): {@code 2\0} would be
     * the number 2 to the gateway and not JSON to the backend. Such a body is refused, and so is UTF-8's own mark. A
     * NUL is refused wherever it is, as it is never JSON (in a string it must be escaped), so that the rule is one.
     */
    static void requireUtf8(byte[] body) {
        if (startsWithByteOrderMark(body) || containsNul(body)) {
            throw new McpError(
                    400,
                    McpError.PARSE_ERROR,
                    "Parse error: the body must be UTF-8 JSON, without a byte order mark or NUL bytes");
        }
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        int first = body.length > 0 ? body[0] & 0xFF : 0;
        return first == 0xFE
                || first == 0xFF
                || (body.length >= 3 && first == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF);
    }

    private static boolean containsNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a body is a JSON-RPC batch (an array), whatever it holds. */
    public static boolean isBatch(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private static McpMessage message(JsonNode node, byte[] raw) {
        JsonNode version = node.path("jsonrpc");
        if (!node.isObject() || !version.isString() || !"2.0".equals(version.asString())) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC 2.0 object with \"jsonrpc\":\"2.0\" is required",
                    answerableIdOf(node),
                    null);
        }
        JsonNode id = idOf(node);
        JsonNode method = node.get("method");
        if (method != null && !method.isString()) {
            throw new McpError(400, McpError.INVALID_REQUEST, "Invalid Request: \"method\" must be a string", id, null);
        }
        if (method == null && id == null) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: neither a request, a notification nor a response",
                    null,
                    null);
        }
        if (id != null && !(id.isString() || id.isIntegralNumber())) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: \"id\" must be a string or an integer",
                    null,
                    null);
        }
        return McpMessage.of(node, id, method == null ? null : method.asString(), raw);
    }

    private static JsonNode idOf(JsonNode node) {
        JsonNode id = node.isObject() ? node.get("id") : null;
        return id == null || id.isNull() ? null : id;
    }

    /** The id to answer an invalid message with: its own when it is a valid id, else null (never echo arbitrary JSON). */
    private static JsonNode answerableIdOf(JsonNode node) {
        JsonNode id = idOf(node);
        return id != null && (id.isString() || id.isIntegralNumber()) ? id : null;
    }

    public byte[] error(McpError error) {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
        if (error.id() == null) {
            body.putNull("id");
        } else {
            body.set("id", error.id());
        }
        ObjectNode details = body.putObject("error").put("code", error.code()).put("message", error.getMessage());
        if (error.data() != null) {
            details.set("data", json.valueToTree(error.data()));
        }
        return json.writeValueAsBytes(body);
    }

    public byte[] result(JsonNode id, JsonNode result) {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
        body.set("id", id);
        body.set("result", result);
        return json.writeValueAsBytes(body);
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    public ArrayNode array() {
        return json.createArrayNode();
    }

    public JsonNode read(byte[] bytes) {
        return json.readTree(bytes);
    }

    public byte[] write(JsonNode node) {
        return json.writeValueAsBytes(node);
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
