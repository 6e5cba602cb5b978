package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Counts the SSE streams each client holds open (legacy {@code GET /sse} and {@code GET /mcp}): every open stream
 * holds a connection and buffers, so a client may hold at most {@code max-streams-per-client}.
 */
@Component
class ClientStreams {

    private final Map<String, Integer> openByClient = new ConcurrentHashMap<>();
    private final int maxPerClient;

    ClientStreams(GatewayProperties properties) {
        this.maxPerClient = properties.maxStreamsPerClient();
    }

    /** One open stream, released once whichever way the stream ends. */
    public final class Lease {
        private final String clientId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(String clientId) {
            this.clientId = clientId;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                openByClient.computeIfPresent(clientId, (client, open) -> open <= 1 ? null : open - 1);
            }
        }
    }

    /** A lease on one more stream for the client; a 429 {@link McpError} when it already holds its limit. */
    public Lease open(String clientId) {
        openByClient.merge(clientId, 1, (open, one) -> {
            if (open >= maxPerClient) {
                throw new McpError(
                        429,
                        McpError.SERVER_ERROR,
                        "Client " + clientId + " already holds " + maxPerClient
                                + " open SSE streams (paradise.gateway.max-streams-per-client); close a stream it no longer reads"
                                + " (or end its session with DELETE /mcp) before opening another");
            }
            return open + 1;
        });
        return new Lease(clientId);
    }

    public int countOf(String clientId) {
        return openByClient.getOrDefault(clientId, 0);
    }
}
