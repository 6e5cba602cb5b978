package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.instances.InstanceManagerClient;
import io.devopsparadise.gateway.mcp.ClientSessions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code paradise_instance_status}: the caller's own instance, as the instance-manager sees it. */
@Component
class InstanceStatusTool implements GatewayTool {

    private final InstanceManagerClient manager;
    private final ClientSessions sessions;

    InstanceStatusTool(InstanceManagerClient manager, ClientSessions sessions) {
        this.manager = manager;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "paradise_instance_status";
    }

    @Override
    public String description() {
        return "Status of your dedicated code-intelligence instance: state, engine, ports, health, uptime, restarts, and what its engine isolates.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "properties", Map.of(), "additionalProperties", false);
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        return manager.findByClient(client.id())
                .map(view -> {
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("client", client.id());
                    status.put("workspace", view.workspace());
                    status.put("state", view.state().name());
                    status.put("engine", view.engine());
                    status.put("profile", view.profile());
                    status.put("ports", view.ports());
                    status.put("health", view.health());
                    status.put("uptimeSeconds", view.uptimeSeconds());
                    status.put("restartCount", view.restartCount());
                    status.put("openSessions", sessions.openOf(client.id()));
                    status.put("isolation", view.isolation());
                    return ToolResult.ok(
                            "Instance of " + client.id() + " is " + view.state() + " on " + view.engine()
                                    + " (ports " + view.ports() + ", " + view.restartCount() + " restarts, up "
                                    + view.uptimeSeconds()
                                    + " s): " + view.health()
                                    + (view.isolation() == null ? "" : ". Isolation: " + view.isolation()),
                            status);
                })
                .defaultIfEmpty(ToolResult.ok(
                        "No instance is running for " + client.id() + "; the next MCP request provisions one.",
                        Map.of("client", client.id(), "state", "NONE")));
    }
}
