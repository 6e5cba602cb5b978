package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import org.springframework.stereotype.Component;

/** A client's MCP sessions as the rest of the gateway sees them: how many are open, and ending them all. */
@Component
public class ClientSessions {

    private final GatewaySessions sessions;
    private final BackendSessions backend;

    ClientSessions(GatewaySessions sessions, BackendSessions backend) {
        this.sessions = sessions;
        this.backend = backend;
    }

    public long openOf(String clientId) {
        return sessions.countOf(clientId);
    }

    /** Ends every session of the client, here and on its instance. */
    public void endAll(Client client) {
        sessions.closeAllOf(client.id())
                .forEach(session -> backend.end(client, session).subscribe());
    }

    /** Forgets every session of a deleted client; its instance goes with it, so the backend is not told. */
    public void forget(String clientId) {
        sessions.closeAllOf(clientId);
    }
}
