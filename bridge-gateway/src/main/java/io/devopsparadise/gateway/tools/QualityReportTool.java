package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code paradise_quality_report}: the Markdown report of one of the caller's stored quality runs (the latest by
 * default) with its score and grade, and where the other formats are.
 */
@Component
class QualityReportTool implements GatewayTool {

    private final ReportServiceClient reports;

    QualityReportTool(ReportServiceClient reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "paradise_quality_report";
    }

    @Override
    public String description() {
        return "The report of a finished quality run of yours, in Markdown: grade and score (0-100), failures, findings, coverage change."
                + " Latest stored run when no runId is given; also gives the addresses of the HTML, JSON, SARIF and JUnit reports.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of("type", "object", "properties", Map.of("runId", Map.of("type", "string")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        String runId = arguments.path("runId").asString(null);
        return reports.run(client.id(), runId)
                .flatMap(summary -> {
                    String id = summary.id();
                    return reports.markdown(id).map(markdown -> {
                        Map<String, Object> structured = new LinkedHashMap<>();
                        structured.put("runId", id);
                        structured.put("score", summary.score());
                        structured.put("grade", summary.grade());
                        structured.put("state", summary.state());
                        for (String file :
                                new String[] {"report.html", "report.json", "report.sarif", "report.junit.xml"}) {
                            structured.put(file, reports.reportUrl(id, file));
                        }
                        return ToolResult.ok(
                                markdown + "\nOther formats: " + reports.reportUrl(id, "report.html"), structured);
                    });
                })
                .onErrorResume(
                        ReportServiceClient.RunNotStoredException.class,
                        e -> Mono.just(ToolResult.error(e.getMessage())))
                .defaultIfEmpty(ToolResult.error(
                        runId == null
                                ? "You have no stored quality run yet; start one with paradise_quality_run and ask again when it has finished."
                                : "No stored run " + runId + " of yours (a run is stored once it has finished)."));
    }
}
