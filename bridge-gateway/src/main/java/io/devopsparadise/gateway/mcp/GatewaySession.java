package io.devopsparadise.gateway.mcp;

import java.time.Instant;

/**
 * A session the gateway issued to a client, mapped to the session the client's backend issued. The client's
 * original {@code initialize} is kept so that a restarted backend can be re-initialized on its behalf.
 */
final class GatewaySession {

    private final String id;
    private final String clientId;
    private volatile String protocolVersion;
    private final byte[] initializeRequest;
    private final Instant createdAt;
    private volatile Instant lastUsed;
    private volatile String backendSessionId;
    private volatile boolean stale;
    private volatile boolean initializing = true;
    /** For sealed ids, which other gateways may end: the key {@link EndedSessions} keeps them by, computed once. */
    private final String endedKey;

    GatewaySession(String id, String clientId, String protocolVersion, byte[] initializeRequest, Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.protocolVersion = protocolVersion;
        this.initializeRequest = initializeRequest.clone();
        this.createdAt = createdAt;
        this.lastUsed = createdAt;
        this.endedKey = id.startsWith(SessionIds.PREFIX) ? EndedSessions.key(id) : null;
    }

    /** Whether another gateway ended this session (after adopting it): it must then end here too. */
    boolean endedElsewhere(EndedSessions ended) {
        return endedKey != null && ended.isEndedKey(endedKey);
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** The version the client now sends in MCP-Protocol-Version, once the backend negotiated it. */
    void useVersion(String version) {
        if (version != null) {
            this.protocolVersion = version;
        }
    }

    byte[] initializeRequest() {
        return initializeRequest.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant now) {
        this.lastUsed = now;
        this.initializing = false;
    }

    /** The backend's session id; null when the backend issued none or it must be re-established. */
    String backendSessionId() {
        return stale ? null : backendSessionId;
    }

    boolean needsReinitialize() {
        return stale;
    }

    void backendInitialized(String backendSession) {
        this.backendSessionId = backendSession;
        this.stale = false;
    }

    /** Until its initialize was answered (provisioning the instance may take minutes), a session is not idle. */
    boolean isInitializing() {
        return initializing;
    }

    /** The backend restarted or forgot the session: the next request re-initializes first. */
    void markStale() {
        this.stale = true;
    }
}
