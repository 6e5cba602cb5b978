package io.devopsparadise.gateway.mcp;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.instances.ClientInstances;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each gateway session bound to a live backend session. When the backend lost it (a restart: see
 * {@link #sessionLost}), the client's original initialize is replayed, followed by
 * notifications/initialized, and the request is sent again, so the client never notices.
 */
@Component
class BackendSessions {

    private final Backend backend;
    private final ClientInstances instances;
    /** The TypeScript SDK's code for a session it does not know. */
    private static final int SESSION_NOT_FOUND = -32001;

    private final BackendBodies bodies;
    private final JsonRpc json;
    private final Map<String, Mono<Void>> reinitializing = new ConcurrentHashMap<>();

    BackendSessions(Backend backend, ClientInstances instances, BackendBodies bodies, JsonRpc json) {
        this.backend = backend;
        this.instances = instances;
        this.bodies = bodies;
        this.json = json;
    }

    /** Forwards the client's initialize and binds the backend's session to the gateway session. */
    public Mono<Relayed> initialize(Client client, GatewaySession session) {
        return instances.ensure(client).flatMap(instance -> {
            instances.touch(instance);
            return backend.post(instance, client.id(), null, session.protocolVersion(), session.initializeRequest())
                    .map(response -> {
                        session.backendInitialized(response.getHeaders().getFirst(McpHeaders.SESSION_ID));
                        return relay(response);
                    });
        });
    }

    /** Sends one message within a session, re-establishing the backend session first or after when it was lost. */
    public Mono<Relayed> send(Client client, GatewaySession session, byte[] body) {
        return instances.ensure(client).flatMap(instance -> {
            instances.touch(instance);
            return withLiveSession(
                    client,
                    session,
                    instance,
                    backendSession ->
                            backend.post(instance, client.id(), backendSession, session.protocolVersion(), body));
        });
    }

    /**
     * One exchange on the session's backend session: when the backend answers that it lost it, the session is
     * re-established and the exchange made once more (given the new backend session).
     */
    private Mono<Relayed> withLiveSession(
            Client client,
            GatewaySession session,
            InstanceView instance,
            Function<String, Mono<ResponseEntity<Flux<DataBuffer>>>> exchange) {
        return ready(client, session, instance)
                .then(Mono.defer(() -> attempt(session, exchange)))
                .flatMap(first -> first.lost()
                        ? reinitialize(client, session, instance, first.backendSession())
                                .then(Mono.defer(() -> attempt(session, exchange)))
                                .flatMap(again -> again.lost()
                                        ? Mono.error(new McpError(
                                                502,
                                                McpError.SERVER_ERROR,
                                                "the instance lost the session again right after its"
                                                        + " re-initialization; retry the request"))
                                        : Mono.just(again.relayed()))
                        : Mono.just(first.relayed()));
    }

    /** Tells the backend the session's initialize was answered, as a client does; for sessions the gateway opens itself. */
    public Mono<Void> initialized(Client client, GatewaySession session) {
        return instances
                .ensure(client)
                .flatMap(instance ->
                        initialized(client, instance, session.backendSessionId(), session.protocolVersion()));
    }

    private Mono<Void> initialized(
            Client client, InstanceView instance, String backendSession, String protocolVersion) {
        return backend.post(instance, client.id(), backendSession, protocolVersion, JsonRpc.INITIALIZED_NOTIFICATION)
                .flatMap(ack -> drain(ack.getBody()));
    }

    /**
     * Opens the backend's GET stream for the session, resuming after {@code lastEventId} where the backend still holds
     * the session the client heard it from (a session another gateway served until it went away continues on the same
     * backend session). A re-established backend session knows none of the old events: it starts afresh.
     */
    public Mono<Relayed> stream(Client client, GatewaySession session, String lastEventId) {
        String heardFrom = session.backendSessionId();
        return instances
                .ensure(client)
                .flatMap(instance -> withLiveSession(
                        client,
                        session,
                        instance,
                        backendSession -> backend.get(
                                instance,
                                client.id(),
                                backendSession,
                                session.protocolVersion(),
                                Objects.equals(backendSession, heardFrom) ? lastEventId : null)));
    }

    /** Ends the backend session; the backend's answer does not matter to the client. */
    public Mono<Void> end(Client client, GatewaySession session) {
        String backendSession = session.backendSessionId();
        if (backendSession == null) {
            return Mono.empty();
        }
        return instances
                .ensure(client)
                .flatMap(instance -> backend.delete(instance, client.id(), backendSession, session.protocolVersion()))
                .flatMap(response -> drain(response.getBody()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /** The backend's answer to one attempt, or (relayed null) word that it did not know the backend session sent. */
    private record Attempt(String backendSession, Relayed relayed) {
        boolean lost() {
            return relayed == null;
        }
    }

    private Mono<Attempt> attempt(
            GatewaySession session, Function<String, Mono<ResponseEntity<Flux<DataBuffer>>>> exchange) {
        String backendSession = session.backendSessionId();
        return exchange.apply(backendSession).flatMap(response -> {
            int status = response.getStatusCode().value();
            if (backendSession == null || (status != 404 && status != 400)) {
                return Mono.just(new Attempt(backendSession, relay(response)));
            }
            return bodies.join(response.getBody())
                    .map(bytes -> new Attempt(
                            backendSession,
                            sessionLost(status, bytes, json)
                                    ? null
                                    : Relayed.read(
                                            status, response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), bytes)));
        });
    }

    /**
     * Whether the backend answered that it does not know the session: 404, as the transport says; or 400 with the
     * JSON-RPC code the SDKs give a request on an unknown or uninitialized session (-32000, "Bad Request: No valid session
     * ID provided", or -32001), or with no JSON-RPC message at all (the Python SDK's plain-text 400). A 400 that is a
     * JSON-RPC answer with another code is the backend's answer to the request itself.
     */
    static boolean sessionLost(int status, byte[] body, JsonRpc json) {
        if (status == 404) {
            return true;
        }
        if (status != 400) {
            return false;
        }
        JsonNode answer;
        try {
            answer = json.read(body);
        } catch (RuntimeException notJson) {
            return true;
        }
        if (answer == null || !answer.isObject() || !answer.path("error").isObject()) {
            return true;
        }
        int code = answer.path("error").path("code").asInt(0);
        return code == McpError.SERVER_ERROR || code == SESSION_NOT_FOUND;
    }

    private Mono<Void> ready(Client client, GatewaySession session, InstanceView instance) {
        return session.needsReinitialize()
                ? reinitialize(client, session, instance, session.backendSessionId())
                : Mono.empty();
    }

    /**
     * Re-establishes the backend session the backend said it lost. One replay at a time per session: concurrent requests
     * wait for the same one, and a request that hears "lost" after a concurrent replay replaced the session only needs to
     * be sent again.
     */
    private Mono<Void> reinitialize(
            Client client, GatewaySession session, InstanceView instance, String lostBackendSession) {
        return Mono.defer(() -> {
            Mono<Void> replay = reinitializing.compute(session.id(), (id, running) -> {
                if (running != null) {
                    return running;
                }
                if (!session.needsReinitialize() && !Objects.equals(session.backendSessionId(), lostBackendSession)) {
                    return null;
                }
                session.markStale();
                return replay(client, session, instance)
                        .doFinally(signal -> reinitializing.remove(id))
                        .cache();
            });
            return replay == null ? Mono.empty() : replay;
        });
    }

    private Mono<Void> replay(Client client, GatewaySession session, InstanceView instance) {
        return backend.post(instance, client.id(), null, session.protocolVersion(), session.initializeRequest())
                .flatMap(response -> {
                    String backendSession = response.getHeaders().getFirst(McpHeaders.SESSION_ID);
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        return drain(response.getBody())
                                .then(Mono.error(new McpError(
                                        502,
                                        McpError.SERVER_ERROR,
                                        "the instance did not accept the re-initialization (HTTP "
                                                + response.getStatusCode().value() + ")")));
                    }
                    return drain(response.getBody())
                            .then(initialized(client, instance, backendSession, session.protocolVersion()))
                            .then(Mono.fromRunnable(() -> session.backendInitialized(backendSession)));
                })
                .then();
    }

    static Relayed relay(ResponseEntity<Flux<DataBuffer>> response) {
        Flux<DataBuffer> body = response.getBody() == null ? Flux.empty() : response.getBody();
        return Relayed.streaming(response.getStatusCode().value(), response.getHeaders(), body);
    }

    static Mono<Void> drain(Flux<DataBuffer> body) {
        return body == null
                ? Mono.empty()
                : body.doOnNext(DataBufferUtils::release).then();
    }

    static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
