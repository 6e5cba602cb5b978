package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deprecated HTTP+SSE transport (2024-11-05): {@code GET /sse} opens the stream and names the endpoint,
 * {@code POST /messages?sessionId=} carries the client's messages (answered 202), and every answer travels on the
 * stream. The backend is spoken to over Streamable HTTP, exactly as for the other revisions.
 */
@Component
public class LegacySseHandler {

    private static final Logger log = LoggerFactory.getLogger(LegacySseHandler.class);

    private final McpGuard guard;
    private final JsonRpc json;
    private final GatewaySessions sessions;
    private final BackendSessions backend;
    private final ToolAggregator tools;
    private final StreamableHttpHandler streamable;
    private final McpResponses responses;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    LegacySseHandler(McpGuard guard, JsonRpc json, GatewaySessions sessions, BackendSessions backend, ToolAggregator tools,
                     StreamableHttpHandler streamable, McpResponses responses) {
        this.guard = guard;
        this.json = json;
        this.sessions = sessions;
        this.backend = backend;
        this.tools = tools;
        this.streamable = streamable;
        this.responses = responses;
    }

    /** One open SSE stream: where its messages go, and the gateway session once the client initialized. */
    private static final class Connection {
        final String id = UUID.randomUUID().toString();
        final Client client;
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        volatile GatewaySession session;

        Connection(Client client) {
            this.client = client;
        }

        void send(String message) {
            synchronized (outbound) {
                outbound.tryEmitNext(message);
            }
        }
    }

    public Mono<ServerResponse> open(ServerRequest request) {
        return Mono.defer(() -> {
            Client client = guard.admit(request);
            Connection connection = new Connection(client);
            connections.put(connection.id, connection);
            String endpoint = request.path().replaceFirst("/sse$", "/messages") + "?sessionId=" + connection.id;
            Flux<ServerSentEvent<String>> events = Flux.concat(
                    Flux.just(ServerSentEvent.<String>builder().event("endpoint").data(endpoint).build()),
                    Flux.merge(connection.outbound.asFlux().map(m -> ServerSentEvent.<String>builder().event("message").data(m).build()),
                            Flux.interval(Duration.ofSeconds(15)).map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build())))
                    .doFinally(signal -> close(connection));
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).header("X-Accel-Buffering", "no")
                    .body(BodyInserters.fromServerSentEvents(events));
        }).onErrorResume(McpError.class, responses::error);
    }

    public Mono<ServerResponse> post(ServerRequest request) {
        return Mono.defer(() -> {
            Client client = guard.admit(request);
            Connection connection = Optional.ofNullable(request.queryParam("sessionId").orElse(null)).map(connections::get)
                    .filter(c -> c.client.id().equals(client.id()))
                    .orElseThrow(() -> new McpError(404, McpError.SERVER_ERROR, "No open SSE stream with that sessionId; GET /sse first"));
            return guard.body(request, false).flatMap(body -> {
                List<McpMessage> messages = json.parse(body);
                messages.forEach(message -> handle(connection, message).subscribe(connection::send,
                        error -> connection.send(new String(json.error(errorOf(error, message)), StandardCharsets.UTF_8))));
                return ServerResponse.accepted().build();
            });
        }).onErrorResume(McpError.class, responses::error);
    }

    private Flux<String> handle(Connection connection, McpMessage message) {
        Client client = connection.client;
        if (message.isInitialize()) {
            String requested = message.node().path("params").path("protocolVersion").asString(McpVersions.LEGACY_SSE);
            GatewaySession session = sessions.open(client.id(), requested, message.raw());
            connection.session = session;
            return backend.initialize(client, session).flatMapMany(SseMessages::of);
        }
        GatewaySession session = connection.session;
        if (session == null) {
            return Flux.error(new McpError(400, McpError.INVALID_REQUEST, "send initialize first", message.id(), null));
        }
        Optional<Mono<byte[]>> local = tools.answerLocally(client, message);
        if (local.isPresent()) {
            return local.get().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).flux();
        }
        Mono<Relayed> sent = backend.send(client, session, message.raw());
        if (tools.isToolsList(message)) {
            sent = sent.flatMap(relayed -> streamable.augmented(relayed, message.id()));
        }
        return sent.flatMapMany(SseMessages::of);
    }

    private static McpError errorOf(Throwable error, McpMessage message) {
        if (error instanceof McpError e) {
            return e.id() == null ? e.withId(message.id()) : e;
        }
        return new McpError(502, McpError.SERVER_ERROR, "The gateway could not reach your instance: " + error.getMessage(), message.id(), null);
    }

    private void close(Connection connection) {
        connections.remove(connection.id);
        GatewaySession session = connection.session;
        if (session != null) {
            sessions.close(session);
            backend.end(connection.client, session).subscribe(ok -> { }, e -> log.debug("ending backend session failed: {}", e.toString()));
        }
    }
}
