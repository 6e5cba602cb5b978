package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.instances.ClientInstances;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's own sessions. A session is only ever found by its owner: another client presenting the id
 * gets exactly what an unknown id gets (404), so ids cannot be probed across clients.
 */
@Component
public class GatewaySessions {

    private final Map<String, GatewaySession> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    GatewaySessions(Clock clock, MeterRegistry meters, ClientInstances instances) {
        this.clock = clock;
        Gauge.builder("paradise.gateway.sessions", byId, Map::size).description("Open MCP sessions").register(meters);
        instances.onRestart(this::markStale);
    }

    public GatewaySession open(String clientId, String protocolVersion, byte[] initializeRequest) {
        GatewaySession session = new GatewaySession(UUID.randomUUID().toString(), clientId, protocolVersion,
                initializeRequest, clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    public Optional<GatewaySession> find(String id, String clientId) {
        GatewaySession session = id == null ? null : byId.get(id);
        if (session == null || !session.clientId().equals(clientId)) {
            return Optional.empty();
        }
        session.used(clock.instant());
        return Optional.of(session);
    }

    /** Marks a session used now (its initialize just completed, say), so the idle sweep counts from here. */
    public void touch(GatewaySession session) {
        session.used(clock.instant());
    }

    /** Sessions no request has used since the cutoff: clients that left without DELETE. */
    List<GatewaySession> idleSince(Instant cutoff) {
        return byId.values().stream().filter(s -> s.lastUsed().isBefore(cutoff)).toList();
    }

    public void close(GatewaySession session) {
        byId.remove(session.id());
    }

    public long countOf(String clientId) {
        return byId.values().stream().filter(s -> s.clientId().equals(clientId)).count();
    }

    public void closeAllOf(String clientId) {
        byId.values().removeIf(s -> s.clientId().equals(clientId));
    }

    void markStale(String clientId) {
        byId.values().stream().filter(s -> s.clientId().equals(clientId)).forEach(GatewaySession::markStale);
    }
}
