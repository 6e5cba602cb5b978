package io.devopsparadise.quality.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON report, failing with the file's name and what is wrong. */
final class JsonReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonReports() {}

    static JsonNode read(String format, Path file) {
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw new ReportParseException(format, file, "the file is empty", null);
            }
            return JSON.readTree(text);
        } catch (JacksonException e) {
            // Jackson's words quote the offending token, which the tested code wrote: say where, never what
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ReportParseException(format, file, "not valid JSON" + where, null);
        } catch (IOException e) {
            throw new ReportParseException(
                    format, file, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /**
     * Reads what a parser makes of a report, turning a value of an unexpected type or range (Jackson refuses to coerce
     * an object to a number, say) into the parse failure it is.
     */
    static <T> T interpreted(String format, Path file, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (JacksonException | NumberFormatException | ArithmeticException e) {
            throw new ReportParseException(format, file, "a field holds a value of an unexpected type or range", null);
        }
    }

    static JsonNode require(JsonNode node, String field, String format, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ReportParseException(format, file, "the field \"" + field + "\" is missing", null);
        }
        return value;
    }
}
