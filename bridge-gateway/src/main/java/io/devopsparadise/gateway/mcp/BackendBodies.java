package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * Reads backend answers the gateway must look into (tools/list, legacy SSE messages, errors), never more than
 * {@code max-backend-message-size} at once: a client's own backend must not be able to fill the gateway's memory.
 * Answers the gateway only relays are streamed and never pass here.
 */
@Component
class BackendBodies {

    private final int maxBytes;
    private final StringDecoder lines;

    @Autowired
    BackendBodies(GatewayProperties properties) {
        this(properties.maxBackendMessageBytes());
    }

    BackendBodies(int maxBytes) {
        this.maxBytes = maxBytes;
        this.lines = StringDecoder.textPlainOnly();
        this.lines.setMaxInMemorySize(maxBytes);
    }

    /** The whole body, or a 502 {@link McpError} naming the limit when it is larger. */
    public Mono<byte[]> join(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body == null ? Flux.empty() : body, maxBytes)
                .map(BackendSessions::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    /** The JSON-RPC messages in an answer, as they arrive: one JSON body, or the data of each SSE event. */
    public Flux<String> messages(Relayed relayed) {
        if (relayed.isBuffered()) {
            String text = new String(relayed.bytes(), StandardCharsets.UTF_8);
            return relayed.isEventStream() ? events(Flux.fromStream(text.lines())) : nonEmpty(text);
        }
        if (!relayed.isEventStream()) {
            return join(relayed.body()).flatMapMany(bytes -> nonEmpty(new String(bytes, StandardCharsets.UTF_8)));
        }
        Flux<String> decoded = lines.decode(relayed.body(), ResolvableType.forClass(String.class), null, null);
        return events(decoded.onErrorMap(DataBufferLimitException.class, e -> tooLarge()));
    }

    private McpError tooLarge() {
        return new McpError(
                502,
                McpError.SERVER_ERROR,
                "Your instance's answer is larger than " + maxBytes
                        + " bytes, the most the gateway reads whole (paradise.gateway.max-backend-message-size)");
    }

    private static Flux<String> nonEmpty(String text) {
        return text.isBlank() ? Flux.empty() : Flux.just(text.strip());
    }

    /** Joins the data lines of each event (events end at a blank line), each event at most maxBytes long. */
    private Flux<String> events(Flux<String> lines) {
        return Flux.defer(() -> {
            StringBuilder data = new StringBuilder();
            return lines.concatWith(Flux.just("")).handle((String line, SynchronousSink<String> sink) -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        sink.next(data.toString());
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line, line.startsWith("data: ") ? 6 : 5, line.length());
                    if (data.length() > maxBytes) {
                        sink.error(tooLarge());
                    }
                }
            });
        });
    }
}
