package io.devopsparadise.cli;

import java.net.URI;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP configurations pointing at the gateway, with the token taken from an environment variable, never written:
 * Claude Code's {@code .mcp.json} ({@code "type": "http"}) and the generic {@code mcpServers} JSON that other
 * clients (Cursor, Windsurf, Cline, …) read.
 */
final class McpConfigs {

    static final String DEFAULT_TOKEN_VARIABLE = "DEVOPS_PARADISE_TOKEN";

    private final JsonMapper json;

    McpConfigs(JsonMapper json) {
        this.json = json;
    }

    ObjectNode claudeCode(String serverName, URI url, String tokenVariable) {
        ObjectNode server = server(url, tokenVariable);
        server.put("type", "http");
        return wrap(serverName, server);
    }

    ObjectNode mcpServers(String serverName, URI url, String tokenVariable) {
        return wrap(serverName, server(url, tokenVariable));
    }

    private ObjectNode server(URI url, String tokenVariable) {
        if (!tokenVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw CliException.usage(
                    "the token variable must be an environment variable name, got '" + tokenVariable + "'");
        }
        ObjectNode server = json.createObjectNode();
        server.put("url", url.toString());
        server.putObject("headers").put("Authorization", "Bearer ${" + tokenVariable + "}");
        return server;
    }

    private ObjectNode wrap(String serverName, ObjectNode server) {
        ObjectNode root = json.createObjectNode();
        root.putObject("mcpServers").set(serverName, server);
        return root;
    }
}
