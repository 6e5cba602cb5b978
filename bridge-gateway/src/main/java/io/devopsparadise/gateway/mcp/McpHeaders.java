package io.devopsparadise.gateway.mcp;

/** The HTTP headers of the MCP transports, named once. */
final class McpHeaders {

    static final String SESSION_ID = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    /** 2026-07-28: the request's method, and for tools/call and the like its target's name. */
    static final String METHOD = "Mcp-Method";

    static final String NAME = "Mcp-Name";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private McpHeaders() {}
}
