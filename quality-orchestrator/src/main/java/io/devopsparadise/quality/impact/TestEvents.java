package io.devopsparadise.quality.impact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the run's test event log (JSON lines the pytest plugin appends) as it grows: complete lines only, a line
 * that is not an event is skipped (the tested code can write to the file), and every field is bounded.
 */
final class TestEvents {

    static final int MAX_LINE = 4_096;
    private static final int MAX_ID = 1_000;
    private static final int MAX_MESSAGE = 300;

    private final StringBuilder partial = new StringBuilder();

    /** The events in newly read bytes; a line cut at the end waits for the next read. */
    List<TestEvent> feed(byte[] bytes) {
        partial.append(new String(bytes, StandardCharsets.UTF_8));
        List<TestEvent> events = new ArrayList<>();
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            parse(line).ifPresent(events::add);
        }
        if (partial.length() > MAX_LINE) {
            partial.setLength(0);
        }
        return events;
    }

    static Optional<TestEvent> parse(String line) {
        if (line.isBlank() || line.length() > MAX_LINE) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonMapper.shared().readTree(line);
            if (node.path("session").asBoolean(false)) {
                return Optional.of(new TestEvent(
                        "", TestEvent.SESSION, node.path("stopped").asBoolean(true) ? "stopped" : "finished", 0, null));
            }
            String id = node.path("id").asString("");
            String outcome = node.path("outcome").asString("");
            if (id.isEmpty()
                    || id.length() > MAX_ID
                    || !List.of("passed", "failed", "skipped").contains(outcome)) {
                return Optional.empty();
            }
            String message = node.path("message").isString()
                    ? bounded(node.path("message").asString())
                    : null;
            double seconds = Math.max(0, node.path("seconds").asDouble(0));
            return Optional.of(new TestEvent(id, node.path("when").asString("call"), outcome, seconds, message));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > MAX_MESSAGE ? printable.substring(0, MAX_MESSAGE) + "…" : printable;
    }
}
