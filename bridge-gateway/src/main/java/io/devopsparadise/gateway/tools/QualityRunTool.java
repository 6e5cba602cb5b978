package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** {@code paradise_quality_run}: starts a quality run of the caller's workspace inside its instance. */
@Component
class QualityRunTool implements GatewayTool {

    private final QualityOrchestratorClient orchestrator;

    QualityRunTool(QualityOrchestratorClient orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "paradise_quality_run";
    }

    @Override
    public String description() {
        return "Start a quality run (tests with coverage, lint, security) of your workspace in your instance. "
                + "Returns the run id at once; follow it with paradise_quality_status.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "properties", Map.of(
                "profile", Map.of("type", "string", "description", "quick, standard or comprehensive (default: your client's profile)"),
                "changedFiles", Map.of("type", "array", "items", Map.of("type", "string"),
                        "description", "limit lint and security to these files (relative to the workspace)")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        String profile = arguments.path("profile").asString(client.qualityProfile());
        List<String> changed = arguments.path("changedFiles").valueStream().map(JsonNode::asString).toList();
        return orchestrator.start(client.id(), profile, changed)
                .map(run -> ToolResult.ok("Started quality run " + run.id() + " with profile " + run.profile()
                        + "; ask paradise_quality_status for progress and results.", Map.of("runId", run.id(), "state", run.state().name())));
    }
}
