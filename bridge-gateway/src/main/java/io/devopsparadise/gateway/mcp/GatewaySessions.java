package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.instances.ClientInstances;
import io.devopsparadise.gateway.usage.UsageRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The gateway's own sessions. A session is only ever found by its owner: another client presenting the id
 * gets exactly what an unknown id gets (404), so ids cannot be probed across clients. Each client holds at most
 * {@code max-sessions-per-client}; the idle sweep and DELETE end them.
 */
@Component
class GatewaySessions {

    private final Map<String, GatewaySession> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> openByClient = new ConcurrentHashMap<>();
    private final Clock clock;
    private final UsageRecorder usage;
    private final SessionIds ids;
    private final EndedSessions ended;
    private final Counter adopted;
    private final int maxPerClient;
    private final Duration idleTimeout;
    private final List<java.util.function.Consumer<String>> allClosed =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    GatewaySessions(
            Clock clock,
            MeterRegistry meters,
            ClientInstances instances,
            GatewayProperties properties,
            UsageRecorder usage,
            SessionIds ids,
            EndedSessions ended) {
        this.usage = usage;
        this.ids = ids;
        this.ended = ended;
        this.adopted = Counter.builder("paradise.gateway.sessions.adopted")
                .description("Sessions another gateway opened, continued here")
                .register(meters);
        this.clock = clock;
        this.maxPerClient = properties.maxSessionsPerClient();
        this.idleTimeout = properties.sessionIdleTimeout();
        Gauge.builder("paradise.gateway.sessions", byId, Map::size)
                .description("Open MCP sessions")
                .register(meters);
        instances.onRestart(this::markStale);
    }

    /** A new session of the client; a 429 {@link McpError} when the client already holds its limit. */
    public GatewaySession open(String clientId, String protocolVersion, byte[] initializeRequest) {
        return open(UUID.randomUUID().toString(), clientId, protocolVersion, initializeRequest);
    }

    /**
     * The session, now that the backend answered its initialize, under an id any gateway on the same database can
     * continue ({@link SessionIds}): for the Streamable HTTP transport, whose requests a load balancer may send to any
     * gateway. The id carries the backend's session, so it is issued only now. Empty when the pending session was
     * ended meanwhile (all the client's sessions were).
     */
    public synchronized Optional<GatewaySession> makePortable(GatewaySession pending) {
        String id = ids.issue(
                pending.clientId(),
                pending.protocolVersion(),
                pending.initializeRequest(),
                pending.backendSessionId(),
                clock.instant());
        GatewaySession portable = new GatewaySession(
                id, pending.clientId(), pending.protocolVersion(), pending.initializeRequest(), clock.instant());
        if (pending.needsReinitialize()) {
            // the instance restarted while the session initialized: its next request re-initializes
            portable.markStale();
        } else {
            portable.backendInitialized(pending.backendSessionId());
        }
        portable.used(clock.instant());
        // the pending session's count and usage pass to the portable one
        byId.put(id, portable);
        if (byId.remove(pending.id()) == null) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(portable);
    }

    private GatewaySession open(String id, String clientId, String protocolVersion, byte[] initializeRequest) {
        count(clientId);
        return remember(id, clientId, protocolVersion, initializeRequest);
    }

    private GatewaySession remember(String id, String clientId, String protocolVersion, byte[] initializeRequest) {
        GatewaySession session = new GatewaySession(id, clientId, protocolVersion, initializeRequest, clock.instant());
        byId.put(session.id(), session);
        usage.sessionOpened(clientId);
        return session;
    }

    private void count(String clientId) {
        openByClient.merge(clientId, 1, (open, one) -> {
            if (open >= maxPerClient) {
                throw limitReached(clientId);
            }
            return open + 1;
        });
    }

    private McpError limitReached(String clientId) {
        return new McpError(
                429,
                McpError.SERVER_ERROR,
                "Client " + clientId + " has reached its limit of " + maxPerClient
                        + " open sessions (paradise.gateway.max-sessions-per-client). End the sessions it no longer uses: DELETE /mcp"
                        + " with their Mcp-Session-Id, or all of them with DELETE /api/clients/" + clientId
                        + "/sessions;"
                        + " unused sessions also end after " + idleTimeout
                        + " (paradise.gateway.session-idle-timeout)");
    }

    /**
     * The client's session: one this gateway holds, or one another gateway opened whose id the client presents (adopted
     * here: its initialize is replayed to this gateway's own backend session before its next request). A session any
     * gateway ended stays ended.
     */
    public Optional<GatewaySession> find(String id, Client client) {
        GatewaySession session = id == null ? null : byId.get(id);
        if (session == null) {
            return adopt(id, client);
        }
        if (!session.clientId().equals(client.id())) {
            return Optional.empty();
        }
        if (session.endedElsewhere(ended) || ended.endedWithAllOf(session.clientId(), session.createdAt())) {
            close(session);
            return Optional.empty();
        }
        session.used(clock.instant());
        return Optional.of(session);
    }

    /**
     * A session another gateway opened, if its id opens, names this client, was issued to this client (not to an
     * earlier client of the same name), is young enough to move ({@link SessionIds#MAX_AGE}) and no gateway ended it.
     */
    private Optional<GatewaySession> adopt(String id, Client client) {
        if (id == null || !id.startsWith(SessionIds.PREFIX) || ended.isEnded(id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return ids.open(id)
                .filter(carried -> carried.clientId().equals(client.id()))
                .filter(carried -> !carried.issuedAt()
                        .isBefore(client.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                .filter(carried -> carried.issuedAt().plus(SessionIds.MAX_AGE).isAfter(now))
                .filter(carried -> !ended.endedWithAllOf(client.id(), carried.issuedAt()))
                .map(carried -> {
                    count(client.id());
                    // created when it was issued (to the millisecond), so that ending all the client's sessions ends it
                    GatewaySession session = new GatewaySession(
                            id,
                            client.id(),
                            carried.protocolVersion(),
                            carried.initializeRequest(),
                            carried.issuedAt());
                    if (carried.backendSessionId() == null) {
                        session.markStale();
                    } else {
                        // continued as it stands on the backend; replayed only if the backend lost it meanwhile
                        session.backendInitialized(carried.backendSessionId());
                    }
                    session.used(now);
                    GatewaySession raced = byId.putIfAbsent(id, session);
                    if (raced != null) {
                        openByClient.computeIfPresent(client.id(), (c, open) -> open <= 1 ? null : open - 1);
                        return raced;
                    }
                    adopted.increment();
                    return session;
                });
    }

    /** Marks a session used now (its initialize just completed, say), so the idle sweep counts from here. */
    public void touch(GatewaySession session) {
        session.used(clock.instant());
    }

    /** Sessions no request has used since the cutoff: clients that left without DELETE. */
    List<GatewaySession> idleSince(Instant cutoff) {
        return byId.values().stream()
                .filter(s -> !s.isInitializing() && s.lastUsed().isBefore(cutoff))
                .toList();
    }

    public void close(GatewaySession session) {
        ended.end(session.id());
        if (byId.remove(session.id()) != null) {
            openByClient.computeIfPresent(session.clientId(), (client, open) -> open <= 1 ? null : open - 1);
        }
    }

    public long countOf(String clientId) {
        return openByClient.getOrDefault(clientId, 0);
    }

    /**
     * Ends every session of the client and answers them, so that their backend sessions can be ended too. Never at the
     * same time as {@link #makePortable}: it would see a session under both its ids, or under neither.
     */
    public synchronized List<GatewaySession> closeAllOf(String clientId) {
        List<GatewaySession> closed = byId.values().stream()
                .filter(s -> s.clientId().equals(clientId))
                .toList();
        closed.forEach(this::close);
        // and those other gateways hold: they end the client's sessions issued until now at their next refresh
        ended.endAllOf(clientId);
        allClosed.forEach(listener -> listener.accept(clientId));
        return closed;
    }

    /** Hears of a client whose sessions were all closed, to drop what it kept for them. */
    void onAllClosed(java.util.function.Consumer<String> listener) {
        allClosed.add(listener);
    }

    void markStale(String clientId) {
        byId.values().stream().filter(s -> s.clientId().equals(clientId)).forEach(GatewaySession::markStale);
    }
}
