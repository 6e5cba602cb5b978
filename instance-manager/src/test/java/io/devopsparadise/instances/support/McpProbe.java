package io.devopsparadise.instances.support;

import io.devopsparadise.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists tools through the reference TypeScript MCP SDK client (tools/node/mcp-probe.mjs): a real client,
 * so a passing check means a real MCP client can use the server.
 */
public final class McpProbe {

    private McpProbe() {}

    /** Tool names by URL; fails the test with the client's own words when any URL cannot be used. */
    public static Map<String, List<String>> toolsList(List<String> urls) {
        List<String> command =
                new ArrayList<>(List.of("node", RepoPaths.mcpProbe().toString(), "tools-list"));
        command.addAll(urls);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("MCP client failed: " + out + err);
            }
            JsonNode json = JsonMapper.builder().build().readTree(out);
            Map<String, List<String>> tools = new LinkedHashMap<>();
            json.properties()
                    .forEach(entry -> tools.put(
                            entry.getKey(),
                            entry.getValue()
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .toList()));
            return tools;
        } catch (IOException e) {
            throw new AssertionError("cannot run node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
