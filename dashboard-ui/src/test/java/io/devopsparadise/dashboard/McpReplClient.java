package io.devopsparadise.dashboard;

import io.devopsparadise.testsupport.RepoPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference TypeScript SDK client (tools/node/mcp-client.mjs repl) kept running for one MCP session. Answers are
 * returned as the raw JSON line the client printed, so that a test can measure their size.
 */
final class McpReplClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private McpReplClient(Process process) throws Exception {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        readLine();
    }

    static McpReplClient connect(URI url, String token) throws Exception {
        List<String> command = List.of(
                "node",
                RepoPaths.nodeTools().resolve("mcp-client.mjs").toString(),
                "repl",
                url.toString(),
                "--header",
                "Authorization: Bearer " + token);
        return new McpReplClient(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
    }

    /** The client's answer line for one tool call: {@code {"result": {...}}} or an error. */
    synchronized String call(String tool, Map<String, Object> args) throws Exception {
        in.write(JSON.writeValueAsString(Map.of("op", "call", "tool", tool, "args", args)) + "\n");
        in.flush();
        return readLine();
    }

    private String readLine() throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(120, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the MCP client exited with " + process.waitFor());
        }
        return line;
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("{\"op\":\"close\"}\n");
            in.flush();
        } catch (IOException gone) {
            // already exited
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
