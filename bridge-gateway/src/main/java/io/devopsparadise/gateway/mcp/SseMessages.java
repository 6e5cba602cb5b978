package io.devopsparadise.gateway.mcp;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/** The JSON-RPC messages in a backend answer, as they arrive: one JSON body, or the data of each SSE event. */
final class SseMessages {

    private static final StringDecoder LINES = StringDecoder.textPlainOnly();

    private SseMessages() {
    }

    static Flux<String> of(Relayed relayed) {
        if (relayed.isBuffered()) {
            String text = new String(relayed.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            return relayed.isEventStream() ? Flux.fromIterable(events(text.lines().toList())) : nonEmpty(text);
        }
        Flux<String> lines = LINES.decode(relayed.body(), ResolvableType.forClass(String.class), null, null);
        if (!relayed.isEventStream()) {
            return lines.collect(java.util.stream.Collectors.joining("\n")).flatMapMany(SseMessages::nonEmpty);
        }
        return lines.concatWith(Flux.just("")).bufferUntil(String::isEmpty).flatMapIterable(SseMessages::events);
    }

    private static Flux<String> nonEmpty(String text) {
        return text.isBlank() ? Flux.empty() : Flux.just(text.strip());
    }

    /** Joins the data lines of each event (events end at a blank line). */
    private static List<String> events(List<String> lines) {
        List<String> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(events, data);
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
        flush(events, data);
        return events;
    }

    private static void flush(List<String> events, StringBuilder data) {
        if (!data.isEmpty()) {
            events.add(data.toString());
            data.setLength(0);
        }
    }
}
