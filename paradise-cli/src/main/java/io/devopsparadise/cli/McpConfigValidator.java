package io.devopsparadise.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an MCP configuration file ({@code .mcp.json} or a generic {@code mcpServers} file): every problem with
 * where it is ({@code mcpServers.paradise.url}) and what is expected.
 */
final class McpConfigValidator {

    private static final List<String> TYPES = List.of("http", "streamable-http", "sse", "stdio");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonMapper json;

    McpConfigValidator(JsonMapper json) {
        this.json = json;
    }

    List<String> validate(Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (JacksonException e) {
            return List.of(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("cannot read " + file + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        JsonNode servers = root.path("mcpServers");
        if (!servers.isObject()) {
            return List.of("mcpServers: missing; the file must hold {\"mcpServers\": {\"<name>\": {…}}}");
        }
        if (servers.isEmpty()) {
            problems.add("mcpServers: no server is configured");
        }
        for (Map.Entry<String, JsonNode> entry : servers.properties()) {
            check("mcpServers." + entry.getKey(), entry.getValue(), problems);
        }
        return problems;
    }

    private static void check(String where, JsonNode server, List<String> problems) {
        if (!server.isObject()) {
            problems.add(where + ": must be an object");
            return;
        }
        String type = server.path("type").asString(server.has("command") ? "stdio" : "http");
        if (!TYPES.contains(type)) {
            problems.add(where + ".type: '" + type + "' is not one of " + TYPES);
        }
        if ("stdio".equals(type)) {
            if (!server.path("command").isString()
                    || server.path("command").asString().isBlank()) {
                problems.add(where + ".command: a stdio server needs the command to run");
            }
            return;
        }
        String url = server.path("url").asString("");
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(where + ".url: '" + url + "' is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ".url: '" + url + "' is not a URL");
        }
        JsonNode headers = server.path("headers");
        if (!headers.isMissingNode() && !headers.isObject()) {
            problems.add(where + ".headers: must be an object of header names to values");
            return;
        }
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (!header.getValue().isString()) {
                problems.add(where + ".headers." + header.getKey() + ": must be a string");
                continue;
            }
            String value = header.getValue().asString();
            Matcher variables = VARIABLE.matcher(value);
            while (variables.find()) {
                if (!variables.group(1).matches("[A-Za-z_][A-Za-z0-9_]*(:-.*)?")) {
                    problems.add(where + ".headers." + header.getKey() + ": '${" + variables.group(1)
                            + "}' is not an environment variable reference");
                }
            }
            if ("Authorization".equalsIgnoreCase(header.getKey()) && value.matches("Bearer pdb_[A-Za-z0-9_-]{20,}")) {
                problems.add(
                        where
                                + ".headers.Authorization: holds a token in clear; use Bearer ${DEVOPS_PARADISE_TOKEN} and set the variable");
            }
        }
    }
}
