package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/** {@code paradise_quality_status}: state and results of one of the caller's quality runs (the latest by default). */
@Component
class QualityStatusTool implements GatewayTool {

    private final QualityOrchestratorClient orchestrator;

    QualityStatusTool(QualityOrchestratorClient orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "paradise_quality_status";
    }

    @Override
    public String description() {
        return "State and results of a quality run of yours: tests, coverage, findings per tool and the verdict. Latest run when no runId is given.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "properties", Map.of("runId", Map.of("type", "string")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        String runId = arguments.path("runId").asString(null);
        var run = runId != null ? orchestrator.get(runId).filter(r -> client.id().equals(r.clientId()))
                : orchestrator.list(client.id()).flatMap(runs -> runs.isEmpty() ? Mono.empty() : Mono.just(runs.get(runs.size() - 1)));
        return run.map(r -> ToolResult.ok(QualityRunSummary.of(r), r))
                .defaultIfEmpty(ToolResult.error(runId == null ? "You have no quality runs yet; start one with paradise_quality_run."
                        : "No run " + runId + " of yours."));
    }
}
