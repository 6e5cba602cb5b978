package io.devopsparadise.gateway.mcp;

import tools.jackson.databind.JsonNode;

/**
 * A failure to answer with a JSON-RPC error, carried by the HTTP status the transport calls for.
 *
 * @param id the request's id when it is known, else null
 */
public class McpError extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int SERVER_ERROR = -32000;
    public static final int HEADER_MISMATCH = -32020;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private final int httpStatus;
    private final int code;
    private final transient JsonNode id;
    private final transient Object data;

    public McpError(int httpStatus, int code, String message, JsonNode id, Object data) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.id = id;
        this.data = data;
    }

    public McpError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, null, null);
    }

    public McpError withId(JsonNode requestId) {
        return new McpError(httpStatus, code, getMessage(), requestId, data);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public JsonNode id() {
        return id;
    }

    public Object data() {
        return data;
    }
}
