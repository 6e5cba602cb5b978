package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Bandit's {@code -f json} report: {@code results[]} with test id, severity, file, line and text. */
public final class BanditJsonParser {

    private static final String FORMAT = "Bandit JSON";

    public List<Finding> parse(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode results = JsonReports.require(JsonReports.read(FORMAT, file), "results", FORMAT, file);
            return results.valueStream()
                    .map(result -> new Finding(
                            "bandit",
                            result.path("test_id").asString("") + " "
                                    + result.path("test_name").asString(""),
                            severity(result.path("issue_severity").asString("LOW")),
                            result.path("filename").asString(null),
                            result.path("line_number").asInt(0),
                            result.path("issue_text").asString("")))
                    .toList();
        });
    }

    private static Severity severity(String bandit) {
        return switch (bandit) {
            case "HIGH" -> Severity.HIGH;
            case "MEDIUM" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }
}
