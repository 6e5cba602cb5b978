package io.devopsparadise.contracts.usage;

import java.time.Instant;
import java.util.List;

/**
 * One client's use of the gateway since the gateway's data directory was made.
 *
 * @param sessions MCP sessions opened
 * @param requests MCP messages relayed or answered, of every method
 * @param errors   requests answered with an HTTP error or not at all
 * @param lastSeen the last request; null when none came
 * @param tools    its tool calls per tool, most called first
 */
public record McpUsage(
        String clientId, long sessions, long requests, long errors, Instant lastSeen, List<ToolUsage> tools) {

    public McpUsage {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
