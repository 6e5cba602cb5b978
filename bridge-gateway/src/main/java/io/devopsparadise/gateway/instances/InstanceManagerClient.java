package io.devopsparadise.gateway.instances;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.contracts.instances.WorkspaceCheck;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.InstanceLimits;
import org.springframework.http.HttpHeaders;
import io.devopsparadise.events.SseFollower;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;

/** The instance-manager's REST API, as the gateway uses it. Every call has a timeout. */
@Component
public class InstanceManagerClient {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final WebClient http;
    private final GatewayProperties properties;
    private final JsonMapper json;

    InstanceManagerClient(WebClient.Builder builder, GatewayProperties properties, ServiceCredential credential, JsonMapper json) {
        this.http = builder.baseUrl(properties.instanceManagerUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
        this.properties = properties;
        this.json = json;
    }

    public Mono<InstanceView> findByClient(String clientId) {
        return http.get().uri(uri -> uri.path("/api/instances").queryParam("clientId", clientId).build())
                .retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<InstanceView>>() { })
                .timeout(CALL_TIMEOUT)
                .flatMap(list -> list.isEmpty() ? Mono.empty() : Mono.just(list.get(0)))
                .onErrorMap(this::unavailable);
    }

    /** Provisions and waits until the instance is healthy (bounded by the provision timeout). */
    public Mono<InstanceView> provision(String clientId, String workspace, String profile, InstanceLimits limits) {
        long waitSeconds = Math.max(1, properties.provisionTimeout().toSeconds());
        return http.post().uri(uri -> uri.path("/api/instances").queryParam("waitSeconds", waitSeconds).build())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new ProvisionRequest(clientId, workspace, profile, limits == null ? null : limits.memory(),
                        limits == null ? null : limits.cpus()))
                .retrieve()
                .bodyToMono(InstanceView.class)
                .timeout(properties.provisionTimeout().plusSeconds(10))
                .onErrorMap(this::unavailable);
    }

    public Mono<Void> delete(String instanceId) {
        return http.delete().uri("/api/instances/{id}", instanceId)
                .retrieve()
                .toBodilessEntity()
                .timeout(CALL_TIMEOUT)
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty())
                .onErrorMap(this::unavailable)
                .then();
    }

    public Mono<Void> recordActivity(String instanceId) {
        return http.post().uri("/api/instances/{id}/activity", instanceId)
                .retrieve().toBodilessEntity().timeout(CALL_TIMEOUT).then();
    }

    /** The manager's lifecycle events, as they happen. */
    /**
     * Follows the manager's lifecycle events for good: reconnecting, resuming after the last event it saw, and calling
     * {@code onConnect} at every connection to catch up on what the stream could not replay.
     */
    public SseFollower followEvents(Runnable onConnect, Consumer<InstanceEvent> onEvent) {
        return new SseFollower("instance-manager", http, "/api/events", onConnect, (name, data) -> onEvent.accept(json.readValue(data, InstanceEvent.class)));
    }

    /**
     * The workspace's real path once the manager finds it passes every workspace rule (the same check it makes at
     * provisioning), so that a client is never registered for the home directory, the data directory or a secret one.
     */
    public Mono<String> checkWorkspace(String workspace) {
        return http.post().uri("/api/workspace-checks").contentType(MediaType.APPLICATION_JSON).bodyValue(new WorkspaceCheck(workspace))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(WorkspaceCheck.class).map(WorkspaceCheck::workspace);
                    }
                    if (response.statusCode().value() == HttpStatus.BAD_REQUEST.value()) {
                        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                                .flatMap(problem -> Mono.error(new WorkspaceRefusedException(String.valueOf(problem.get("detail")),
                                        problem.get("rule") == null ? null : problem.get("rule").toString())));
                    }
                    return response.createException().flatMap(Mono::error);
                })
                .timeout(CALL_TIMEOUT)
                .onErrorMap(error -> !(error instanceof WorkspaceRefusedException), this::unavailable);
    }

    private Throwable unavailable(Throwable error) {
        if (error instanceof InstanceUnavailableException) {
            return error;
        }
        if (error instanceof WebClientResponseException response) {
            return new InstanceUnavailableException(problemDetail(response), response.getStatusCode().value(), error);
        }
        if (error instanceof WebClientRequestException) {
            return new InstanceUnavailableException("the instance-manager at " + properties.instanceManagerUrl()
                    + " does not answer (" + error.getMessage() + "); start it with scripts/start-devops-paradise.sh",
                    HttpStatus.SERVICE_UNAVAILABLE.value(), error);
        }
        if (error instanceof java.util.concurrent.TimeoutException) {
            return new InstanceUnavailableException("the instance-manager did not answer in time", HttpStatus.GATEWAY_TIMEOUT.value(), error);
        }
        return error;
    }

    private static String problemDetail(WebClientResponseException response) {
        try {
            Map<?, ?> problem = response.getResponseBodyAs(Map.class);
            Object detail = problem == null ? null : problem.get("detail");
            return detail != null ? detail.toString() : response.getStatusText();
        } catch (RuntimeException e) {
            return response.getStatusText();
        }
    }
}
