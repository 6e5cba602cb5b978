package io.devopsparadise.gateway.mcp;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads one JSON-RPC message (not a batch) for what the gateway decides on: {@code jsonrpc}, {@code id},
 * {@code method}, and {@code params.name} or {@code params.uri}; everything else is skipped, not built into a tree.
 * The whole body is still checked to be one well-formed JSON value, and the rules are those of a tree read: a
 * repeated member counts with its last value.
 */
final class MessagePeek {

    private final JsonMapper json;
    private final byte[] body;

    private boolean isObject = true;
    private JsonToken version;
    private String versionText;
    private JsonNode id;
    private boolean idIsValid = true;
    private boolean hasMethod;
    private String method;
    private boolean methodIsString = true;
    private boolean paramsIsObject;
    private String target;

    private MessagePeek(JsonMapper json, byte[] body) {
        this.json = json;
        this.body = body;
    }

    /** The message; an {@link McpError} (-32700 or -32600) saying what is wrong with it. */
    static McpMessage read(JsonMapper json, byte[] body) {
        return new MessagePeek(json, body).read();
    }

    private McpMessage read() {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new McpError(400, McpError.PARSE_ERROR, "Parse error: the body is empty");
            }
            if (root == JsonToken.START_OBJECT) {
                members(parser);
            } else {
                isObject = false;
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new McpError(
                        400,
                        McpError.PARSE_ERROR,
                        "Parse error: the body is not valid JSON (trailing content after the message)");
            }
        } catch (JacksonException e) {
            throw new McpError(
                    400,
                    McpError.PARSE_ERROR,
                    "Parse error: the body is not valid JSON (" + JsonRpc.firstLine(e.getOriginalMessage()) + ")");
        }
        return message();
    }

    private void members(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "jsonrpc" -> {
                    version = value;
                    versionText = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    parser.skipChildren();
                }
                case "id" -> id(parser, value);
                case "method" -> {
                    hasMethod = true;
                    methodIsString = value == JsonToken.VALUE_STRING;
                    method = methodIsString ? parser.getString() : null;
                    parser.skipChildren();
                }
                case "params" -> params(parser, value);
                default -> parser.skipChildren();
            }
        }
    }

    private void id(JsonParser parser, JsonToken value) {
        idIsValid = true;
        id = switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> StringNode.valueOf(parser.getString());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            default -> {
                idIsValid = false;
                parser.skipChildren();
                yield null;
            }
        };
    }

    /** {@code params.name}, else {@code params.uri}, as a tree's {@code asString(null)} reads them. */
    private void params(JsonParser parser, JsonToken value) {
        paramsIsObject = value == JsonToken.START_OBJECT;
        target = null;
        if (!paramsIsObject) {
            parser.skipChildren();
            return;
        }
        boolean hasName = false;
        String uri = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken member = parser.nextToken();
            if (field.equals("name")) {
                hasName = true;
                target = text(parser, member);
            } else if (field.equals("uri")) {
                uri = text(parser, member);
            } else {
                parser.skipChildren();
            }
        }
        if (!hasName) {
            target = uri;
        }
    }

    /** A string as it is; anything else as a tree's {@code asString(null)} reads it (rare: read as a tree). */
    private String text(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        // the value alone: what follows it in the message is no trailing content
        return json.reader()
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(parser)
                .asString(null);
    }

    private McpMessage message() {
        JsonNode answerable = idIsValid ? id : null;
        if (!isObject || version != JsonToken.VALUE_STRING || !"2.0".equals(versionText)) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC 2.0 object with \"jsonrpc\":\"2.0\" is required",
                    isObject ? answerable : null,
                    null);
        }
        if (hasMethod && !methodIsString) {
            throw new McpError(
                    400, McpError.INVALID_REQUEST, "Invalid Request: \"method\" must be a string", answerable, null);
        }
        if (method == null && id == null && idIsValid) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: neither a request, a notification nor a response",
                    null,
                    null);
        }
        if (!idIsValid) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Invalid Request: \"id\" must be a string or an integer",
                    null,
                    null);
        }
        return McpMessage.peeked(json, id, method, target, paramsIsObject, body);
    }
}
