package io.devopsparadise.gateway.instances;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.contracts.instances.WorkspaceCheck;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.InstanceLimits;
import io.devopsparadise.security.ServiceApis;
import io.devopsparadise.security.ServiceCredential;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instance-manager's REST API, as the gateway uses it: the shared {@link InstanceManagerApi} client (its calls run
 * off the event loops), and the event stream. None of these is on a request's path once the client's instance is known.
 */
@Component
public class InstanceManagerClient {

    private final GatewayProperties properties;
    private final InstanceManagerApi api;
    /** Provisioning waits for the instance to be healthy: up to the provision timeout. */
    private final InstanceManagerApi provisioning;

    private final WebClient events;
    private final JsonMapper json;

    public InstanceManagerClient(
            ServiceApis apis,
            WebClient.Builder builder,
            GatewayProperties properties,
            ServiceCredential credential,
            JsonMapper json) {
        this.properties = properties;
        this.api = apis.client(InstanceManagerApi.class, properties.instanceManagerUrl());
        this.provisioning = apis.client(
                InstanceManagerApi.class,
                properties.instanceManagerUrl(),
                properties.provisionTimeout().plusSeconds(10));
        this.events = builder.baseUrl(properties.instanceManagerUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization())
                .build();
        this.json = json;
    }

    public Mono<InstanceView> findByClient(String clientId) {
        return call(() -> api.instances(clientId))
                .flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just(found.get(0)));
    }

    /** Provisions and waits until the instance is healthy (bounded by the provision timeout). */
    public Mono<InstanceView> provision(String clientId, String workspace, String profile, InstanceLimits limits) {
        int waitSeconds = (int) Math.max(1, properties.provisionTimeout().toSeconds());
        ProvisionRequest request = new ProvisionRequest(
                clientId,
                workspace,
                profile,
                limits == null ? null : limits.memory(),
                limits == null ? null : limits.cpus());
        return call(() -> provisioning.provision(request, waitSeconds));
    }

    public Mono<Void> delete(String instanceId) {
        return call(() -> {
                    try {
                        api.delete(instanceId);
                    } catch (RestClientResponseException e) {
                        if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                            throw e;
                        }
                    }
                    return null;
                })
                .then();
    }

    public Mono<Void> recordActivity(String instanceId) {
        return call(() -> {
                    api.recordActivity(instanceId);
                    return null;
                })
                .then();
    }

    /**
     * Follows the manager's lifecycle events for good: reconnecting, resuming after the last event it saw, and calling
     * {@code onConnect} at every connection to catch up on what the stream could not replay.
     */
    public SseFollower followEvents(Runnable onConnect, Consumer<InstanceEvent> onEvent) {
        return new SseFollower(
                "instance-manager",
                events,
                "/api/events",
                onConnect,
                (name, data) -> onEvent.accept(json.readValue(data, InstanceEvent.class)));
    }

    /**
     * The workspace's real path once the manager finds it passes every workspace rule (the same check it makes at
     * provisioning), so that a client is never registered for the home directory, the data directory or a secret one.
     */
    public Mono<String> checkWorkspace(String workspace) {
        return Mono.fromCallable(() -> {
                    try {
                        return api.checkWorkspace(new WorkspaceCheck(workspace)).workspace();
                    } catch (RestClientResponseException e) {
                        if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
                            throw e;
                        }
                        Map<?, ?> problem = problem(e);
                        throw new WorkspaceRefusedException(
                                String.valueOf(problem.get("detail")),
                                problem.get("rule") == null
                                        ? null
                                        : problem.get("rule").toString());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(error -> !(error instanceof WorkspaceRefusedException), this::unavailable);
    }

    private <T> Mono<T> call(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()).onErrorMap(this::unavailable);
    }

    private Throwable unavailable(Throwable error) {
        if (error instanceof RestClientResponseException response) {
            return new InstanceUnavailableException(
                    ServiceApis.detail(response), response.getStatusCode().value(), error);
        }
        if (error instanceof ResourceAccessException && error.getCause() instanceof HttpTimeoutException) {
            return new InstanceUnavailableException(
                    "the instance-manager did not answer in time", HttpStatus.GATEWAY_TIMEOUT.value(), error);
        }
        if (error instanceof ResourceAccessException) {
            return new InstanceUnavailableException(
                    "the instance-manager at " + properties.instanceManagerUrl() + " does not answer ("
                            + error.getMessage() + "); start it with scripts/start-devops-paradise.sh",
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    error);
        }
        return error;
    }

    private static Map<?, ?> problem(RestClientResponseException response) {
        try {
            Map<?, ?> problem = response.getResponseBodyAs(Map.class);
            return problem == null ? Map.of() : problem;
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }
}
