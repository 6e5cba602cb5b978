package io.devopsparadise.gateway;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the gateway ({@code paradise.gateway.*}).
 *
 * @param home                  data directory: client database, admin token, logs
 * @param publicUrl             the address clients use to reach the gateway, for the MCP configuration it hands out
 * @param instanceManagerUrl    where the instance-manager answers
 * @param qualityOrchestratorUrl where the quality orchestrator answers (the paradise_quality_* tools call it)
 * @param reportServiceUrl      where the report-service answers (paradise_quality_report reads reports there)
 * @param adminToken            admin token; when empty, one is generated into {@code <home>/admin-token} on first start
 * @param allowedOrigins        browser origins allowed to call the MCP endpoint; requests with any other Origin get 403
 * @param maxBodySize           larger request bodies get 413
 * @param provisionTimeout      how long a client's first request waits for its instance to become healthy
 * @param backendTimeout        how long the gateway waits for a backend to start answering a request
 * @param defaultBackendProfile profile for clients registered without one (the instance-manager's default when empty)
 * @param defaultQualityProfile quality profile for clients registered without one
 * @param rateLimit             per-client requests per second (0 disables)
 * @param activityInterval      activity is reported to the instance-manager at most this often per client
 * @param sessionIdleTimeout    a session no request used for this long is ended (clients often leave without DELETE)
 * @param maxSessionsPerClient  open sessions one client may hold; its next initialize gets 429 until it ends one
 * @param maxStreamsPerClient   open SSE streams (legacy {@code GET /sse} and {@code GET /mcp}) one client may hold
 * @param clientServerName    the name clients give this server (the setup registers it in Claude Code as
 *                            "devops-paradise"); Claude Code names each tool {@code mcp__<server>__<tool>}, and the
 *                            gateway shortens backend tool names so that this stays within 64 characters
 * @param maxBackendMessageSize largest backend answer the gateway reads whole (tools/list, legacy SSE messages, errors);
 *                              answers it only relays are streamed and not limited
 * @param legacySseBuffer       answers waiting on a legacy SSE stream its client does not read; beyond this the stream is ended
 * @param registryRefresh       how often the registered clients and tokens are read again from the database: gateways
 *                              sharing one (PostgreSQL) learn of another's registrations, rotations and deletions
 *                              within this time
 */
@Validated
@ConfigurationProperties("paradise.gateway")
public record GatewayProperties(
        @NotNull Path home,
        @NotNull URI publicUrl,
        @NotNull URI instanceManagerUrl,
        @DefaultValue("http://127.0.0.1:8120") URI qualityOrchestratorUrl,
        @DefaultValue("http://127.0.0.1:8130") URI reportServiceUrl,
        String adminToken,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("120s") Duration provisionTimeout,
        @DefaultValue("120s") Duration backendTimeout,
        String defaultBackendProfile,
        @DefaultValue("standard") String defaultQualityProfile,
        @DefaultValue("200") @Min(0) int rateLimit,
        @DefaultValue("30s") Duration activityInterval,
        @DefaultValue("2h") Duration sessionIdleTimeout,
        @DefaultValue("100") @Min(1) int maxSessionsPerClient,
        @DefaultValue("32") @Min(1) int maxStreamsPerClient,
        @DefaultValue("16MB") DataSize maxBackendMessageSize,
        @DefaultValue("8MB") DataSize legacySseBuffer,
        @DefaultValue("devops-paradise") String clientServerName,
        @DefaultValue("2s") Duration registryRefresh) {

    public GatewayProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** {@link #maxBackendMessageSize()} in bytes, as the buffer APIs take it. */
    public int maxBackendMessageBytes() {
        return (int) Math.min(Integer.MAX_VALUE, maxBackendMessageSize.toBytes());
    }
}
