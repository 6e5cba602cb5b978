package io.devopsparadise.gateway.mcp;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.resilience.InstanceResilience;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * HTTP to a client's instance. Bodies stream in both directions; the Host header is the instance's loopback
 * address (Serena refuses any other). The client's own credentials never travel to the backend.
 */
@Component
class Backend implements DisposableBean {

    private static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final ConnectionProvider pool;
    private final ReactorClientHttpConnector http;
    private final InstanceResilience resilience;
    private final Duration timeout;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    Backend(InstanceResilience resilience, GatewayProperties properties, ReactorResourceFactory resources) {
        this.pool = ConnectionProvider.builder("backends")
                .maxConnections(2048)
                .pendingAcquireMaxCount(-1)
                // under the backends' own keep-alive timeout (Node's HTTP server and uvicorn: 5 s): a connection they
                // closed while it sat in the pool would otherwise be taken for the next call
                .maxIdleTime(Duration.ofSeconds(3))
                .build();
        // the server's event loops: a call to the backend stays on the loop of the client request it serves
        HttpClient client =
                HttpClient.create(pool).runOn(resources.getLoopResources()).keepAlive(true);
        // the connector alone, not a WebClient: the gateway relays bytes, so WebClient's codecs, filters, status
        // handling and observation (McpMetrics measures relayed traffic) were only per-call cost
        this.http = new ReactorClientHttpConnector(client);
        this.resilience = resilience;
        this.timeout = properties.backendTimeout();
    }

    @Override
    public void destroy() {
        pool.dispose();
    }

    public Mono<ResponseEntity<Flux<DataBuffer>>> post(
            InstanceView instance, String clientId, String backendSession, String protocolVersion, byte[] body) {
        return exchange(
                HttpMethod.POST,
                instance,
                clientId,
                headers -> {
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    headers.set(HttpHeaders.ACCEPT, ACCEPT_BOTH);
                    common(headers, backendSession, protocolVersion);
                },
                body);
    }

    public Mono<ResponseEntity<Flux<DataBuffer>>> get(
            InstanceView instance, String clientId, String backendSession, String protocolVersion, String lastEventId) {
        return exchange(
                HttpMethod.GET,
                instance,
                clientId,
                headers -> {
                    headers.set(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
                    common(headers, backendSession, protocolVersion);
                    if (lastEventId != null) {
                        headers.set(McpHeaders.LAST_EVENT_ID, lastEventId);
                    }
                },
                null);
    }

    public Mono<ResponseEntity<Flux<DataBuffer>>> delete(
            InstanceView instance, String clientId, String backendSession, String protocolVersion) {
        return exchange(
                HttpMethod.DELETE,
                instance,
                clientId,
                headers -> common(headers, backendSession, protocolVersion),
                null);
    }

    private static void common(HttpHeaders headers, String backendSession, String protocolVersion) {
        if (backendSession != null) {
            headers.set(McpHeaders.SESSION_ID, backendSession);
        }
        if (protocolVersion != null && !protocolVersion.equals(McpVersions.LEGACY_SSE)) {
            headers.set(McpHeaders.PROTOCOL_VERSION, protocolVersion);
        }
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> exchange(
            HttpMethod method, InstanceView instance, String clientId, Consumer<HttpHeaders> headers, byte[] body) {
        URI uri = uris.computeIfAbsent(instance.mcpUrl(), URI::create);
        return http.connect(method, uri, request -> {
                    headers.accept(request.getHeaders());
                    if (body == null) {
                        return request.setComplete();
                    }
                    request.getHeaders().setContentLength(body.length);
                    return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
                })
                .map(response -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(response.getBody()))
                .timeout(timeout)
                .transformDeferred(RetryOperator.of(resilience.retryWhileStarting()))
                .transformDeferred(CircuitBreakerOperator.of(resilience.breakerOf(clientId)));
    }
}
