package io.devopsparadise.gateway.tools;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The quality orchestrator's REST API, for the gateway's quality tools. */
@Component
class QualityOrchestratorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Insights read the workspace's history and measure complexity in the instance (bounded there by 120 s). */
    private static final Duration INSIGHTS_TIMEOUT = Duration.ofSeconds(150);

    private final WebClient http;
    private final String baseUrl;

    QualityOrchestratorClient(WebClient.Builder builder, GatewayProperties properties, ServiceCredential credential) {
        this.baseUrl = properties.qualityOrchestratorUrl().toString();
        this.http = builder.baseUrl(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
    }

    Mono<QualityRunResult> start(String clientId, String profile, List<String> changedFiles) {
        return start(clientId, profile, changedFiles, false, null);
    }

    /** Starts a run; a changed-only one runs only the tests the change (since {@code base}, when given) can break. */
    Mono<QualityRunResult> start(String clientId, String profile, List<String> changedFiles, boolean changedOnly, String base) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("clientId", clientId, "profile", profile, "changedFiles", changedFiles,
                "changedOnly", changedOnly));
        if (base != null) {
            body.put("base", base);
        }
        return http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve().bodyToMono(QualityRunResult.class).timeout(TIMEOUT).onErrorMap(this::explain);
    }

    /** A run's digest: small whatever the run's size. */
    Mono<RunDigest> get(String runId) {
        return http.get().uri("/api/runs/{id}/summary", runId).retrieve().bodyToMono(RunDigest.class).timeout(TIMEOUT)
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty()).onErrorMap(this::explain);
    }

    /** The client's latest run's digest. */
    Mono<RunDigest> latest(String clientId) {
        return http.get().uri(uri -> uri.path("/api/runs").queryParam("clientId", clientId).queryParam("limit", 1).build()).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<RunDigest>>() { }).timeout(TIMEOUT)
                .flatMap(runs -> runs.isEmpty() ? Mono.empty() : Mono.just(runs.get(0))).onErrorMap(this::explain);
    }

    /** The client's hotspots, recommendations and working tree's risk (complexity is measured inside the instance: up to minutes). */
    Mono<JsonNode> insights(String clientId, int limit) {
        return http.get().uri(uri -> uri.path("/api/insights/overview").queryParam("clientId", clientId).queryParam("limit", limit).build())
                .retrieve().bodyToMono(JsonNode.class).timeout(INSIGHTS_TIMEOUT).onErrorMap(this::explain);
    }

    /** The risk of the client's working tree, a commit or a range (null parameters are left out). */
    Mono<JsonNode> changeRisk(String clientId, String commit, String from, String to) {
        return http.get().uri(uri -> {
                    uri.path("/api/insights/change-risk").queryParam("clientId", clientId);
                    java.util.Optional.ofNullable(commit).ifPresent(c -> uri.queryParam("commit", c));
                    java.util.Optional.ofNullable(from).ifPresent(f -> uri.queryParam("from", f));
                    java.util.Optional.ofNullable(to).ifPresent(t -> uri.queryParam("to", t));
                    return uri.build();
                })
                .retrieve().bodyToMono(JsonNode.class).timeout(INSIGHTS_TIMEOUT).onErrorMap(this::explain);
    }

    private Throwable explain(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            Map<?, ?> problem = response.getResponseBodyAs(Map.class);
            Object detail = problem == null ? null : problem.get("detail");
            return new IllegalStateException(detail != null ? detail.toString() : response.getStatusText(), error);
        }
        if (error instanceof WebClientRequestException) {
            return new IllegalStateException("the quality orchestrator at " + baseUrl + " does not answer; start the platform with scripts/start-devops-paradise.sh", error);
        }
        return error;
    }
}
