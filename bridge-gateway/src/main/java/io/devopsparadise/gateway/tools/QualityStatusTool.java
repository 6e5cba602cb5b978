package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code paradise_quality_status}: state and results of one of the caller's quality runs (the latest by default). */
@Component
class QualityStatusTool implements GatewayTool {

    private final QualityOrchestratorClient orchestrator;
    private final ReportServiceClient reports;

    QualityStatusTool(QualityOrchestratorClient orchestrator, ReportServiceClient reports) {
        this.orchestrator = orchestrator;
        this.reports = reports;
    }

    @Override
    public String name() {
        return "paradise_quality_status";
    }

    @Override
    public String description() {
        return "State and results of a quality run of yours: the verdict, its test plans, counts per tool, the first failing tests and the most severe"
                + " findings, and where the full report is. Latest run when no runId is given.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "properties", Map.of("runId", Map.of("type", "string")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        String runId = arguments.path("runId").asString(null);
        var run = runId != null
                ? orchestrator.get(runId).filter(r -> client.id().equals(r.clientId()))
                : orchestrator.latest(client.id());
        return run.map(r -> {
                    String report = r.state().isFinished() ? reports.reportUrl(r.id(), "report.html") : null;
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("id", r.id());
                    structured.put("state", r.state());
                    structured.put("verdict", r.verdict());
                    structured.put("baseline", r.baseline());
                    structured.put("newFailures", r.newFailures());
                    structured.put("newFindings", r.newFindings());
                    structured.put("tools", r.tools());
                    structured.put("topFailures", r.topFailures());
                    structured.put("topFindings", r.topFindings());
                    structured.put("plans", r.plans());
                    structured.put("report", report);
                    return ToolResult.ok(QualityRunSummary.of(r, report), structured);
                })
                .defaultIfEmpty(ToolResult.error(
                        runId == null
                                ? "You have no quality runs yet; start one with paradise_quality_run."
                                : "No run " + runId + " of yours."));
    }
}
