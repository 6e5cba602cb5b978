package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST/GET/DELETE /mcp} for the session-based revisions (2025-03-26 to 2025-11-25); requests that
 * declare 2026-07-28 go to the {@link ModernHandler}.
 */
@Component
class StreamableHttpHandler {

    private static final int MAX_EVENT_ID = 256;

    private final McpGuard guard;
    private final JsonRpc json;
    private final GatewaySessions sessions;
    private final BackendSessions backend;
    private final ToolAggregator tools;
    private final ModernHandler modern;
    private final McpResponses responses;
    private final McpMetrics metrics;
    private final BackendBodies bodies;
    private final ClientStreams streams;

    StreamableHttpHandler(
            McpGuard guard,
            JsonRpc json,
            GatewaySessions sessions,
            BackendSessions backend,
            ToolAggregator tools,
            ModernHandler modern,
            McpResponses responses,
            McpMetrics metrics,
            BackendBodies bodies,
            ClientStreams streams) {
        this.guard = guard;
        this.json = json;
        this.sessions = sessions;
        this.backend = backend;
        this.tools = tools;
        this.modern = modern;
        this.responses = responses;
        this.metrics = metrics;
        this.bodies = bodies;
        this.streams = streams;
    }

    public Mono<ServerResponse> post(ServerRequest request) {
        return Mono.defer(() -> {
                    Client client = guard.admit(request);
                    String version = requestedVersion(request);
                    return guard.body(request, true)
                            .flatMap(body -> McpVersions.MODERN.equals(version)
                                    ? modern.handle(client, request, body)
                                    : dispatch(client, request, JsonRpc.isBatch(body), json.parse(body)));
                })
                .onErrorResume(McpError.class, responses::error);
    }

    private Mono<ServerResponse> dispatch(
            Client client, ServerRequest request, boolean batch, List<McpMessage> messages) {
        String sessionId = request.headers().firstHeader(McpHeaders.SESSION_ID);
        McpMessage first = messages.get(0);
        if (!batch && first.isInitialize()) {
            if (sessionId != null) {
                throw new McpError(
                        400,
                        McpError.INVALID_REQUEST,
                        "initialize must not carry an Mcp-Session-Id; it starts a new session",
                        first.id(),
                        null);
            }
            return initialize(client, first);
        }
        GatewaySession session = session(client, sessionId, first.id());
        session.useVersion(request.headers().firstHeader(McpHeaders.PROTOCOL_VERSION));
        if (batch && !McpVersions.allowsBatches(session.protocolVersion())) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "JSON-RPC batches are not allowed in protocol revision " + session.protocolVersion()
                            + "; send one message per request");
        }
        if (batch) {
            guard.admitBatch(client, messages.size());
            return relay(client, session, tools.batchForBackend(messages), null);
        }
        return single(client, session, first);
    }

    private Mono<ServerResponse> initialize(Client client, McpMessage message) {
        String requested = McpVersions.knownOr(
                message.node().path("params").path("protocolVersion").asString(null),
                McpVersions.DEFAULT_WITHOUT_HEADER);
        GatewaySession pending = sessions.open(client.id(), requested, message.raw());
        return metrics.time(
                client,
                "initialize",
                backend.initialize(client, pending)
                        .flatMap(relayed -> {
                            if (relayed.status() / 100 != 2) {
                                sessions.close(pending);
                                return responses.relay(relayed, null);
                            }
                            return sessions.makePortable(pending)
                                    .map(session -> responses.relay(relayed, session.id()))
                                    .orElseGet(() -> relayed.discard()
                                            .then(Mono.error(new McpError(
                                                    404,
                                                    McpError.SERVER_ERROR,
                                                    "the client's sessions were ended while this one initialized;"
                                                            + " initialize again",
                                                    message.id(),
                                                    null))));
                        })
                        .onErrorResume(error -> {
                            sessions.close(pending);
                            return responses.failure(error, message.id());
                        }));
    }

    private Mono<ServerResponse> single(Client client, GatewaySession session, McpMessage message) {
        Optional<Mono<byte[]>> local = tools.answerLocally(client, message);
        if (local.isPresent()) {
            return metrics.time(client, message, local.get().flatMap(body -> responses.json(200, body, session.id())));
        }
        if (tools.isToolsList(message)) {
            return metrics.time(
                    client,
                    message,
                    backend.send(client, session, message.raw())
                            .flatMap(relayed -> tools.augmented(relayed, message.id(), false))
                            .flatMap(relayed -> responses.relay(relayed, session.id()))
                            .onErrorResume(error -> responses.failure(error, message.id())));
        }
        return relay(client, session, tools.forBackend(message), message);
    }

    private Mono<ServerResponse> relay(Client client, GatewaySession session, byte[] body, McpMessage message) {
        String method = message == null
                ? KnownMethods.BATCH
                : message.method() == null ? KnownMethods.RESPONSE : message.method();
        JsonNode id = message == null ? null : message.id();
        return metrics.time(
                client,
                method,
                "tools/call".equals(method) ? message.target() : null,
                backend.send(client, session, body)
                        .flatMap(relayed -> responses.relay(relayed, session.id()))
                        .onErrorResume(error -> responses.failure(error, id)));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return Mono.defer(() -> {
                    Client client = guard.admit(request);
                    if (McpVersions.MODERN.equals(requestedVersion(request))) {
                        throw new McpError(
                                405,
                                McpError.INVALID_REQUEST,
                                "Protocol revision " + McpVersions.MODERN
                                        + " has no GET stream; use subscriptions/listen");
                    }
                    if (guard.accept(request).stream().noneMatch(t -> t.includes(MediaType.TEXT_EVENT_STREAM))) {
                        throw new McpError(
                                406, McpError.INVALID_REQUEST, "Accept must list text/event-stream for the GET stream");
                    }
                    GatewaySession session =
                            session(client, request.headers().firstHeader(McpHeaders.SESSION_ID), null);
                    String lastEventId = lastEventId(request);
                    ClientStreams.Lease lease = streams.open(client.id());
                    return backend.stream(client, session, lastEventId)
                            .map(relayed -> relayed.whenBodyEnds(lease::release))
                            .flatMap(relayed -> responses.relay(relayed, session.id()))
                            .doOnCancel(lease::release)
                            .onErrorResume(error -> {
                                lease.release();
                                return responses.failure(error, null);
                            });
                })
                .onErrorResume(McpError.class, responses::error);
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        return Mono.defer(() -> {
                    Client client = guard.admit(request);
                    if (McpVersions.MODERN.equals(requestedVersion(request))) {
                        throw new McpError(
                                405,
                                McpError.INVALID_REQUEST,
                                "Protocol revision " + McpVersions.MODERN + " has no sessions to end");
                    }
                    GatewaySession session =
                            session(client, request.headers().firstHeader(McpHeaders.SESSION_ID), null);
                    sessions.close(session);
                    return backend.end(client, session)
                            .then(ServerResponse.noContent().build());
                })
                .onErrorResume(McpError.class, responses::error);
    }

    private GatewaySession session(Client client, String sessionId, JsonNode requestId) {
        if (sessionId == null) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Mcp-Session-Id header is required: send initialize first",
                    requestId,
                    null);
        }
        return sessions.find(sessionId, client)
                .orElseThrow(() -> new McpError(
                        404,
                        McpError.SERVER_ERROR,
                        "Session " + sessionId + " not found or ended; initialize a new session",
                        requestId,
                        null));
    }

    /** The id a resumed stream gives back: an event id the gateway relayed, so never more than visible ASCII. */
    private static String lastEventId(ServerRequest request) {
        String id = request.headers().firstHeader(McpHeaders.LAST_EVENT_ID);
        if (id != null && (id.length() > MAX_EVENT_ID || !id.chars().allMatch(c -> c >= 0x20 && c <= 0x7E))) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "Last-Event-ID must be an event id the stream gave: at most " + MAX_EVENT_ID
                            + " printable ASCII characters");
        }
        return id;
    }

    private static String requestedVersion(ServerRequest request) {
        String version = request.headers().firstHeader(McpHeaders.PROTOCOL_VERSION);
        if (version == null) {
            return null;
        }
        if (!McpVersions.isSupported(version)) {
            throw new McpError(
                    400,
                    McpError.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version " + version + "; this gateway supports "
                            + String.join(", ", McpVersions.SUPPORTED),
                    null,
                    java.util.Map.of("supported", McpVersions.SUPPORTED, "requested", version));
        }
        return version;
    }
}
