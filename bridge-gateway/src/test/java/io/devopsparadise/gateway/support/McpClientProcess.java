package io.devopsparadise.gateway.support;

import io.devopsparadise.testsupport.RepoPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference TypeScript SDK client (tools/node/mcp-client.mjs repl), kept running so that one MCP session
 * spans several steps of a test.
 */
public final class McpClientProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final JsonNode connected;

    private McpClientProcess(Process process) throws Exception {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.connected = readLine();
    }

    public static McpClientProcess connect(String url, String token, boolean legacySse) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "node",
                RepoPaths.nodeTools().resolve("mcp-client.mjs").toString(),
                "repl",
                url,
                "--header",
                "Authorization: Bearer " + token));
        if (legacySse) {
            command.add("--sse");
        }
        return new McpClientProcess(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
    }

    public JsonNode connected() {
        return connected;
    }

    public JsonNode list() throws Exception {
        return send(Map.of("op", "list"));
    }

    public JsonNode call(String tool, Map<String, Object> args) throws Exception {
        return send(Map.of("op", "call", "tool", tool, "args", args));
    }

    /** A call the client gives up on after {@code timeoutMillis} (the SDK's request timeout). */
    public JsonNode call(String tool, Map<String, Object> args, int timeoutMillis) throws Exception {
        return send(Map.of("op", "call", "tool", tool, "args", args, "timeoutMs", timeoutMillis));
    }

    private synchronized JsonNode send(Map<String, Object> command) throws Exception {
        in.write(JSON.writeValueAsString(command) + "\n");
        in.flush();
        return readLine();
    }

    private JsonNode readLine() throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .get(60, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the MCP client exited with " + process.waitFor());
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("{\"op\":\"close\"}\n");
            in.flush();
        } catch (java.io.IOException gone) {
            // already exited
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
