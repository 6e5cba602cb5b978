package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * The deprecated HTTP+SSE transport (2024-11-05): {@code GET /sse} opens the stream and names the endpoint,
 * {@code POST /messages?sessionId=} carries the client's messages (answered 202), and every answer travels on the
 * stream. The backend is spoken to over Streamable HTTP, exactly as for the other revisions.
 * <p>
 * Answers wait in memory until the client reads its stream, so they are bounded: past half of
 * {@code legacy-sse-buffer} unread, new messages get 429; past all of it, the stream is ended.
 */
@Component
class LegacySseHandler {

    private static final Logger log = LoggerFactory.getLogger(LegacySseHandler.class);

    private final McpGuard guard;
    private final JsonRpc json;
    private final GatewaySessions sessions;
    private final BackendSessions backend;
    private final ToolAggregator tools;
    private final McpResponses responses;
    private final ClientStreams streams;
    private final BackendBodies bodies;
    private final long bufferLimit;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    LegacySseHandler(
            McpGuard guard,
            JsonRpc json,
            GatewaySessions sessions,
            BackendSessions backend,
            ToolAggregator tools,
            McpResponses responses,
            ClientStreams streams,
            BackendBodies bodies,
            GatewayProperties properties) {
        this.guard = guard;
        this.json = json;
        this.sessions = sessions;
        this.backend = backend;
        this.tools = tools;
        this.responses = responses;
        this.streams = streams;
        this.bodies = bodies;
        this.bufferLimit = properties.legacySseBuffer().toBytes();
    }

    /** One open SSE stream: where its messages go, and the gateway session once the client initialized. */
    private final class Connection {
        final String id = UUID.randomUUID().toString();
        final Client client;
        final ClientStreams.Lease lease;
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        final Sinks.One<Boolean> ended = Sinks.one();
        /** Characters of answers accepted for the stream and not yet taken by its writer. */
        final AtomicLong unread = new AtomicLong();

        volatile GatewaySession session;

        Connection(Client client, ClientStreams.Lease lease) {
            this.client = client;
            this.lease = lease;
        }

        void send(String message) {
            if (unread.addAndGet(message.length()) > bufferLimit) {
                log.info(
                        "ending the legacy SSE stream of client {}: more than {} bytes of answers were left unread",
                        client.id(),
                        bufferLimit);
                ended.tryEmitValue(true);
                return;
            }
            synchronized (outbound) {
                outbound.tryEmitNext(message);
            }
        }

        void written(ServerSentEvent<String> event) {
            if (event.data() != null) {
                unread.addAndGet(-event.data().length());
            }
        }
    }

    public Mono<ServerResponse> open(ServerRequest request) {
        return Mono.defer(() -> {
                    Client client = guard.admit(request);
                    Connection connection = new Connection(client, streams.open(client.id()));
                    connections.put(connection.id, connection);
                    String endpoint = request.path().replaceFirst("/sse$", "/messages") + "?sessionId=" + connection.id;
                    Flux<ServerSentEvent<String>> events = Flux.concat(
                                    Flux.just(ServerSentEvent.<String>builder()
                                            .event("endpoint")
                                            .data(endpoint)
                                            .build()),
                                    Flux.merge(
                                            connection
                                                    .outbound
                                                    .asFlux()
                                                    .map(m -> ServerSentEvent.<String>builder()
                                                            .event("message")
                                                            .data(m)
                                                            .build()),
                                            Flux.interval(Duration.ofSeconds(15))
                                                    .map(tick -> ServerSentEvent.<String>builder()
                                                            .comment("keep-alive")
                                                            .build())))
                            .takeUntilOther(connection.ended.asMono())
                            .doOnNext(connection::written)
                            .doFinally(signal -> close(connection));
                    return ServerResponse.ok()
                            .contentType(MediaType.TEXT_EVENT_STREAM)
                            .header("X-Accel-Buffering", "no")
                            .body(BodyInserters.fromServerSentEvents(events));
                })
                .onErrorResume(McpError.class, responses::error);
    }

    public Mono<ServerResponse> post(ServerRequest request) {
        return Mono.defer(() -> {
                    Client client = guard.admit(request);
                    Connection connection = Optional.ofNullable(
                                    request.queryParam("sessionId").orElse(null))
                            .map(connections::get)
                            .filter(c -> c.client.id().equals(client.id()))
                            .orElseThrow(() -> new McpError(
                                    404,
                                    McpError.SERVER_ERROR,
                                    "No open SSE stream with that sessionId: it was"
                                            + " closed, or ended by the gateway because its answers were not read (paradise.gateway.legacy-sse-buffer);"
                                            + " GET /sse again"));
                    if (connection.unread.get() > bufferLimit / 2) {
                        throw new McpError(
                                429,
                                McpError.SERVER_ERROR,
                                connection.unread.get() + " bytes of answers wait unread on this SSE stream,"
                                        + " over half of paradise.gateway.legacy-sse-buffer (" + bufferLimit
                                        + " bytes); read the stream before sending more");
                    }
                    return guard.body(request, false).flatMap(body -> {
                        List<McpMessage> messages = json.parse(body);
                        guard.admitBatch(connection.client, messages.size());
                        messages.forEach(message -> handle(connection, message)
                                .subscribe(
                                        connection::send,
                                        error -> connection.send(new String(
                                                json.error(McpError.of(error, message.id())),
                                                StandardCharsets.UTF_8))));
                        return ServerResponse.accepted().build();
                    });
                })
                .onErrorResume(McpError.class, responses::error);
    }

    private Flux<String> handle(Connection connection, McpMessage message) {
        Client client = connection.client;
        if (message.isInitialize()) {
            return initialize(connection, message);
        }
        GatewaySession session = connection.session;
        if (session == null) {
            return Flux.error(new McpError(400, McpError.INVALID_REQUEST, "send initialize first", message.id(), null));
        }
        Optional<Mono<byte[]>> local = tools.answerLocally(client, message);
        if (local.isPresent()) {
            return local.get()
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .flux();
        }
        Mono<Relayed> sent = backend.send(client, session, tools.forBackend(message));
        if (tools.isToolsList(message)) {
            sent = sent.flatMap(relayed -> tools.augmented(relayed, message.id(), false));
        }
        return sent.flatMapMany(bodies::messages);
    }

    /** A new session for the stream; one the stream had before is ended, so re-initializing cannot pile sessions up. */
    private Flux<String> initialize(Connection connection, McpMessage message) {
        String requested = McpVersions.knownOr(
                message.node().path("params").path("protocolVersion").asString(null), McpVersions.LEGACY_SSE);
        GatewaySession previous = connection.session;
        if (previous != null) {
            connection.session = null;
            end(connection.client, previous);
        }
        GatewaySession session = sessions.open(connection.client.id(), requested, message.raw());
        connection.session = session;
        return backend.initialize(connection.client, session)
                .doOnSuccess(answered -> sessions.touch(session))
                .flatMapMany(bodies::messages);
    }

    private void close(Connection connection) {
        connections.remove(connection.id);
        connection.lease.release();
        GatewaySession session = connection.session;
        if (session != null) {
            end(connection.client, session);
        }
    }

    private void end(Client client, GatewaySession session) {
        sessions.close(session);
        backend.end(client, session)
                .subscribe(ok -> {}, e -> log.debug("ending backend session failed: {}", e.toString()));
    }
}
