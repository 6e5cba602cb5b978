package io.devopsparadise.dashboard.usage;

import io.devopsparadise.contracts.usage.McpUsage;
import io.devopsparadise.contracts.usage.QualityUsage;
import io.devopsparadise.contracts.usage.ToolUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's usage of the platform: its MCP traffic (from the gateway) and its quality runs (from the
 * report-service); either is null when that service has none for the client or did not answer.
 */
public record ClientUsage(String clientId, McpUsage mcp, QualityUsage quality) {

    /** The clients of both lists, most MCP requests first, then most runs. */
    static List<ClientUsage> of(List<McpUsage> mcp, List<QualityUsage> quality) {
        Map<String, McpUsage> byMcp = new LinkedHashMap<>();
        mcp.forEach(usage -> byMcp.put(usage.clientId(), usage));
        Map<String, QualityUsage> byQuality = new LinkedHashMap<>();
        quality.forEach(usage -> byQuality.put(usage.clientId(), usage));
        List<String> clients = new ArrayList<>(byMcp.keySet());
        byQuality.keySet().stream().filter(id -> !byMcp.containsKey(id)).forEach(clients::add);
        List<ClientUsage> rows = new ArrayList<>(clients.stream()
                .map(id -> new ClientUsage(id, byMcp.get(id), byQuality.get(id)))
                .toList());
        rows.sort(Comparator.comparingLong(ClientUsage::requests)
                .thenComparingLong(ClientUsage::runs)
                .reversed()
                .thenComparing(ClientUsage::clientId));
        return rows;
    }

    public long requests() {
        return mcp == null ? 0 : mcp.requests();
    }

    public long runs() {
        return quality == null ? 0 : quality.runs();
    }

    /** The client's most called tools, at most {@code limit}. */
    public List<ToolUsage> topTools(int limit) {
        return mcp == null ? List.of() : mcp.tools().stream().limit(limit).toList();
    }
}
