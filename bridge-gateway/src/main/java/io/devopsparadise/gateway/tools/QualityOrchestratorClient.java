package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.quality.QualityOrchestratorApi;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunRequest;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.security.ServiceApis;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The quality orchestrator's REST API, for the gateway's quality tools (its calls run off the event loops). */
@Component
class QualityOrchestratorClient {

    /** Insights read the workspace's history and measure complexity in the instance (bounded there by 120 s). */
    private static final Duration INSIGHTS_TIMEOUT = Duration.ofSeconds(150);

    private final QualityOrchestratorApi api;
    private final QualityOrchestratorApi insights;
    private final ServiceCalls calls;

    QualityOrchestratorClient(ServiceApis apis, GatewayProperties properties) {
        this.api = apis.client(QualityOrchestratorApi.class, properties.qualityOrchestratorUrl());
        this.insights =
                apis.client(QualityOrchestratorApi.class, properties.qualityOrchestratorUrl(), INSIGHTS_TIMEOUT);
        this.calls = new ServiceCalls("the quality orchestrator", properties.qualityOrchestratorUrl());
    }

    Mono<QualityRunResult> start(String clientId, String profile, List<String> changedFiles) {
        return start(clientId, profile, changedFiles, false, null);
    }

    /** Starts a run; a changed-only one runs only the tests the change (since {@code base}, when given) can break. */
    Mono<QualityRunResult> start(
            String clientId, String profile, List<String> changedFiles, boolean changedOnly, String base) {
        return calls.call(() -> api.start(new RunRequest(clientId, profile, changedFiles, null, changedOnly, base)));
    }

    /** A run's digest: small whatever the run's size; empty for a run the orchestrator does not know. */
    Mono<RunDigest> get(String runId) {
        return calls.call(() -> {
            try {
                return api.digest(runId);
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** The client's latest run's digest. */
    Mono<RunDigest> latest(String clientId) {
        return calls.call(() -> api.runs(clientId, false, 1))
                .flatMap(runs -> runs.isEmpty() ? Mono.empty() : Mono.just(runs.get(0)));
    }

    /** The client's hotspots, recommendations and working tree's risk (complexity is measured inside the instance: up to minutes). */
    Mono<JsonNode> insights(String clientId, int limit) {
        return calls.call(() -> insights.insightsOverview(clientId, limit));
    }

    /** The risk of the client's working tree, a commit or a range (null parameters are left out). */
    Mono<JsonNode> changeRisk(String clientId, String commit, String from, String to) {
        return calls.call(() -> insights.changeRisk(clientId, commit, from, to));
    }
}
