package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** ShellCheck's {@code -f json1}: {@code comments[]} with file, line, level and code (SCxxxx). */
public final class ShellcheckJsonParser {

    private static final String FORMAT = "ShellCheck json1";

    public List<Finding> parse(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode comments = JsonReports.require(JsonReports.read(FORMAT, file), "comments", FORMAT, file);
            return comments.valueStream()
                    .map(comment -> new Finding(
                            "shellcheck",
                            "SC" + comment.path("code").asInt(),
                            severity(comment.path("level").asString("")),
                            comment.path("file").asString(null),
                            comment.path("line").asInt(0),
                            comment.path("message").asString("")))
                    .toList();
        });
    }

    private static Severity severity(String level) {
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "info" -> Severity.LOW;
            default -> Severity.INFO;
        };
    }
}
