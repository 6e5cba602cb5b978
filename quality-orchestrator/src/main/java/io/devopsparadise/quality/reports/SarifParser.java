package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * SARIF 2.1.0 (ESLint's SARIF formatter, and any tool that writes SARIF): every result of every run, its level
 * mapped to a severity, its location made relative to the workspace it was found in.
 */
public final class SarifParser {

    private static final String FORMAT = "SARIF";

    /**
     * @param workspaceUri the URI the tool saw the workspace at (file:///workspace/), stripped from locations
     */
    public List<Finding> parse(Path file, String workspaceUri) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode runs = JsonReports.require(JsonReports.read(FORMAT, file), "runs", FORMAT, file);
            List<Finding> findings = new ArrayList<>();
            for (JsonNode run : runs) {
                String tool = run.path("tool")
                        .path("driver")
                        .path("name")
                        .asString("sarif")
                        .toLowerCase();
                for (JsonNode result : run.path("results")) {
                    JsonNode location = result.path("locations").path(0).path("physicalLocation");
                    findings.add(new Finding(
                            tool,
                            result.path("ruleId").asString(""),
                            severity(result.path("level").asString("warning")),
                            relative(
                                    location.path("artifactLocation")
                                            .path("uri")
                                            .asString(null),
                                    workspaceUri),
                            location.path("region").path("startLine").asInt(0),
                            result.path("message").path("text").asString("")));
                }
            }
            return findings;
        });
    }

    private static Severity severity(String level) {
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "note" -> Severity.LOW;
            default -> Severity.INFO;
        };
    }

    private static String relative(String uri, String workspaceUri) {
        if (uri == null || workspaceUri == null) {
            return uri;
        }
        String base = workspaceUri.endsWith("/") ? workspaceUri : workspaceUri + "/";
        return uri.startsWith(base) ? uri.substring(base.length()) : uri;
    }
}
