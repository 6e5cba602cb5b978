package io.devopsparadise.gateway.mcp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Builds what goes back to an MCP client: relayed backend answers, gateway answers and JSON-RPC errors. */
@Component
class McpResponses {

    private static final Logger log = LoggerFactory.getLogger(McpResponses.class);

    private final JsonRpc json;

    McpResponses(JsonRpc json) {
        this.json = json;
    }

    /** Relays a backend answer; an event stream is flushed event by event, never buffered. */
    public Mono<ServerResponse> relay(Relayed relayed, String gatewaySessionId) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(relayed.status());
        if (relayed.contentType() != null) {
            builder.header(HttpHeaders.CONTENT_TYPE, relayed.contentType());
        }
        if (gatewaySessionId != null) {
            builder.header(McpHeaders.SESSION_ID, gatewaySessionId);
        }
        if (relayed.isEventStream()) {
            builder.header("X-Accel-Buffering", "no").header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (relayed.isBuffered()) {
            return relayed.bytes().length == 0 ? builder.build() : builder.bodyValue(relayed.bytes());
        }
        Flux<DataBuffer> body = relayed.body().onErrorResume(error -> {
            // the backend went away mid-stream (a restart): end the client's stream; it reconnects or retries
            log.debug("backend stream ended: {}", error.toString());
            return Flux.empty();
        });
        return builder.body(
                relayed.isEventStream() ? flushingEach(body) : (message, context) -> message.writeWith(body));
    }

    private static BodyInserter<Flux<DataBuffer>, ReactiveHttpOutputMessage> flushingEach(Flux<DataBuffer> body) {
        return (message, context) -> message.writeAndFlushWith(body.map(Mono::just));
    }

    public Mono<ServerResponse> json(int status, byte[] body, String gatewaySessionId) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
        if (gatewaySessionId != null) {
            builder.header(McpHeaders.SESSION_ID, gatewaySessionId);
        }
        return builder.bodyValue(body);
    }

    public Mono<ServerResponse> error(McpError error) {
        ServerResponse.BodyBuilder builder =
                ServerResponse.status(error.httpStatus()).contentType(MediaType.APPLICATION_JSON);
        if (error.httpStatus() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"devops-paradise\"");
        }
        return builder.bodyValue(json.error(error));
    }

    /** Maps any failure on the way to the backend to a JSON-RPC error with the request's id. */
    public Mono<ServerResponse> failure(Throwable error, JsonNode requestId) {
        return error(McpError.of(error, requestId));
    }
}
