package io.devopsparadise.gateway.usage;

import io.devopsparadise.contracts.usage.McpUsage;
import io.devopsparadise.contracts.usage.ToolUsage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code usage_client} and {@code usage_tool} tables. Blocking: callers run it off the event loop. */
@Repository
public class UsageRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public UsageRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Adds counts gathered since the last flush, in one transaction. Two gateways may count a client's (or a tool's)
     * first use at the same moment and both insert its row: the one that loses adds its counts again, now as updates.
     */
    public void add(List<UsageRecorder.ClientDelta> clients, List<UsageRecorder.ToolDelta> tools) {
        try {
            transactions.executeWithoutResult(status -> write(clients, tools));
        } catch (DuplicateKeyException anotherGatewayInsertedFirst) {
            transactions.executeWithoutResult(status -> write(clients, tools));
        }
    }

    void write(List<UsageRecorder.ClientDelta> clients, List<UsageRecorder.ToolDelta> tools) {
        for (UsageRecorder.ClientDelta delta : clients) {
            int updated = jdbc.sql("""
                            UPDATE usage_client SET sessions = sessions + ?, requests = requests + ?, errors = errors + ?,
                                last_seen = COALESCE(?, last_seen)
                            WHERE client_id = ?""")
                    .params(
                            delta.sessions(),
                            delta.requests(),
                            delta.errors(),
                            timestamp(delta.lastSeen()),
                            delta.clientId())
                    .update();
            if (updated == 0) {
                jdbc.sql(
                                "INSERT INTO usage_client (client_id, sessions, requests, errors, last_seen) VALUES (?, ?, ?, ?, ?)")
                        .params(
                                delta.clientId(),
                                delta.sessions(),
                                delta.requests(),
                                delta.errors(),
                                timestamp(delta.lastSeen()))
                        .update();
            }
        }
        for (UsageRecorder.ToolDelta delta : tools) {
            int updated = jdbc.sql(
                            "UPDATE usage_tool SET calls = calls + ?, errors = errors + ? WHERE client_id = ? AND tool = ?")
                    .params(delta.calls(), delta.errors(), delta.clientId(), delta.tool())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO usage_tool (client_id, tool, calls, errors) VALUES (?, ?, ?, ?)")
                        .params(delta.clientId(), delta.tool(), delta.calls(), delta.errors())
                        .update();
            }
        }
    }

    List<McpUsage> all() {
        Map<String, List<ToolUsage>> tools = new LinkedHashMap<>();
        jdbc.sql("SELECT client_id, tool, calls, errors FROM usage_tool ORDER BY calls DESC, tool")
                .query((rs, row) -> tools.computeIfAbsent(rs.getString("client_id"), id -> new ArrayList<>())
                        .add(new ToolUsage(rs.getString("tool"), rs.getLong("calls"), rs.getLong("errors"))))
                .list();
        List<McpUsage> usage =
                new ArrayList<>(jdbc.sql("SELECT client_id, sessions, requests, errors, last_seen FROM usage_client")
                        .query((rs, row) -> {
                            OffsetDateTime lastSeen = rs.getObject("last_seen", OffsetDateTime.class);
                            String client = rs.getString("client_id");
                            return new McpUsage(
                                    client,
                                    rs.getLong("sessions"),
                                    rs.getLong("requests"),
                                    rs.getLong("errors"),
                                    lastSeen == null ? null : lastSeen.toInstant(),
                                    tools.getOrDefault(client, List.of()));
                        })
                        .list());
        usage.sort(Comparator.comparingLong(McpUsage::requests).reversed().thenComparing(McpUsage::clientId));
        return usage;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
