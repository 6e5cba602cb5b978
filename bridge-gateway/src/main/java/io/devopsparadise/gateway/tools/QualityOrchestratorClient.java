package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.gateway.GatewayProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The quality orchestrator's REST API, for the gateway's quality tools. */
@Component
class QualityOrchestratorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebClient http;
    private final String baseUrl;

    QualityOrchestratorClient(WebClient.Builder builder, GatewayProperties properties) {
        this.baseUrl = properties.qualityOrchestratorUrl().toString();
        this.http = builder.baseUrl(baseUrl).build();
    }

    Mono<QualityRunResult> start(String clientId, String profile, List<String> changedFiles) {
        return http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clientId", clientId, "profile", profile, "changedFiles", changedFiles))
                .retrieve().bodyToMono(QualityRunResult.class).timeout(TIMEOUT).onErrorMap(this::explain);
    }

    Mono<QualityRunResult> get(String runId) {
        return http.get().uri("/api/runs/{id}", runId).retrieve().bodyToMono(QualityRunResult.class).timeout(TIMEOUT).onErrorMap(this::explain);
    }

    Mono<List<QualityRunResult>> list(String clientId) {
        return http.get().uri(uri -> uri.path("/api/runs").queryParam("clientId", clientId).build()).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<QualityRunResult>>() { }).timeout(TIMEOUT).onErrorMap(this::explain);
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
