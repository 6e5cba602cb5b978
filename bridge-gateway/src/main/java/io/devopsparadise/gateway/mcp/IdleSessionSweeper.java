package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.ClientRegistry;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends sessions whose client left without a DELETE (most do), so they do not pile up in the gateway or in the
 * backend. A client that comes back with such a session id gets 404 and initializes anew, as the spec intends.
 */
@Component
class IdleSessionSweeper {

    private final GatewaySessions sessions;
    private final BackendSessions backend;
    private final ClientRegistry clients;
    private final GatewayProperties properties;
    private final Clock clock;

    IdleSessionSweeper(
            GatewaySessions sessions,
            BackendSessions backend,
            ClientRegistry clients,
            GatewayProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.backend = backend;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paradise.gateway.session-sweep-interval:60s}")
    void sweep() {
        sessions.idleSince(clock.instant().minus(properties.sessionIdleTimeout()))
                .forEach(session -> {
                    sessions.close(session);
                    clients.find(session.clientId())
                            .ifPresent(client -> backend.end(client, session).subscribe());
                });
    }
}
