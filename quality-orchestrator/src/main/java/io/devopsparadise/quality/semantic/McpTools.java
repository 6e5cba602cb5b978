package io.devopsparadise.quality.semantic;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One MCP session with a client's instance, through the MCP Java SDK's Streamable HTTP client: every request is
 * timed out, every answer capped in size, and a tool's answer is its text.
 */
final class McpTools implements AutoCloseable {

    private static final int MAX_TOOL_PAGES = 20;

    private final McpSyncClient client;
    private final URI url;
    private final int maxAnswerChars;
    private final Set<String> names;

    private McpTools(McpSyncClient client, URI url, int maxAnswerChars) {
        this.client = client;
        this.url = url;
        this.maxAnswerChars = maxAnswerChars;
        this.names = listNames();
    }

    /** Connects and initializes a session, and reads the instance's tools. */
    static McpTools connect(URI url, SemanticLimits limits) {
        if (url == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new SemanticBackendException("the instance's MCP URL is not an http URL: " + url);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        url.getScheme() + "://" + url.getRawAuthority())
                .endpoint(path)
                .connectTimeout(limits.connectTimeout())
                .maxResponseSize((int) limits.maxAnswerSize().toBytes())
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("devops-paradise-quality-orchestrator", "1"))
                .requestTimeout(limits.callTimeout())
                .initializationTimeout(limits.connectTimeout())
                .build();
        try {
            client.initialize();
            return new McpTools(client, url, (int)
                    Math.min(Integer.MAX_VALUE, limits.maxAnswerSize().toBytes()));
        } catch (RuntimeException e) {
            client.close();
            throw new SemanticBackendException(
                    "the instance's MCP endpoint " + url + " did not answer: " + e.getMessage(), e);
        }
    }

    Set<String> names() {
        return names;
    }

    /** Calls a tool and answers its text; a tool error, a timeout or an oversized answer is a {@link SemanticBackendException}. */
    String text(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result;
        try {
            result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        } catch (RuntimeException e) {
            throw new SemanticBackendException(tool + " on " + url + " failed: " + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            if (content instanceof McpSchema.TextContent part) {
                text.append(part.text());
            }
            if (text.length() > maxAnswerChars) {
                throw new SemanticBackendException(tool + " on " + url + " answered more than " + maxAnswerChars
                        + " characters (paradise.quality.semantic.max-answer-size)");
            }
        }
        if (Boolean.TRUE.equals(result.isError())) {
            throw new SemanticBackendException(
                    tool + " on " + url + " answered an error: " + firstLine(text.toString()));
        }
        return text.toString();
    }

    private Set<String> listNames() {
        Set<String> found = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_TOOL_PAGES; page++) {
            McpSchema.ListToolsResult tools = cursor == null ? client.listTools() : client.listTools(cursor);
            new ArrayList<>(tools.tools()).forEach(tool -> found.add(tool.name()));
            cursor = tools.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return Set.copyOf(found);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void close() {
        client.close();
    }
}
