package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.instances.InstanceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A failure to answer with a JSON-RPC error, carried by the HTTP status the transport calls for.
 *
 * @param id the request's id when it is known, else null
 */
class McpError extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(McpError.class);

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

    /**
     * Any failure on the way to the backend, as the JSON-RPC error every transport answers with: the instance not
     * available or paused by the circuit breaker (503), too slow (504), unreachable (502).
     */
    static McpError of(Throwable error, JsonNode requestId) {
        if (error instanceof McpError e) {
            return e.id() == null ? e.withId(requestId) : e;
        }
        if (error instanceof InstanceUnavailableException e) {
            return new McpError(
                    e.status() >= 500 ? e.status() : 503,
                    SERVER_ERROR,
                    "Your instance is not available: " + e.getMessage(),
                    requestId,
                    null);
        }
        if (error instanceof CallNotPermittedException) {
            return new McpError(
                    503,
                    SERVER_ERROR,
                    "Your instance keeps failing; the gateway pauses calls to it for a few seconds",
                    requestId,
                    null);
        }
        if (error instanceof TimeoutException) {
            return new McpError(504, SERVER_ERROR, "Your instance did not answer in time", requestId, null);
        }
        log.warn("request to backend failed", error);
        return new McpError(
                502, SERVER_ERROR, "The gateway could not reach your instance: " + error.getMessage(), requestId, null);
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
