package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Pylint's {@code --output-format=json}: an array of messages typed fatal, error, warning, refactor or convention. */
public final class PylintJsonParser {

    private static final String FORMAT = "Pylint JSON";

    public List<Finding> parse(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode messages = JsonReports.read(FORMAT, file);
            if (!messages.isArray()) {
                throw new ReportParseException(FORMAT, file, "expected an array of messages", null);
            }
            return messages.valueStream()
                    .map(message -> new Finding(
                            "pylint",
                            message.path("message-id").asString("") + " "
                                    + message.path("symbol").asString(""),
                            severity(message.path("type").asString("")),
                            message.path("path").asString(null),
                            message.path("line").asInt(0),
                            message.path("message").asString("")))
                    .toList();
        });
    }

    private static Severity severity(String type) {
        return switch (type) {
            case "fatal", "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "refactor", "convention" -> Severity.LOW;
            default -> Severity.INFO;
        };
    }
}
