package io.devopsparadise.reports.feed;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.reports.ReportProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The quality-orchestrator's run API as the report-service uses it: which finished runs wait to be stored, one run's
 * whole result (streamed into the parser, bounded by {@code paradise.reports.max-run-size}), and the acknowledgement.
 */
@Component
class OrchestratorClient {

    private static final int PENDING_PAGE = 200;

    private final RestClient http;
    private final JsonMapper json;
    private final ReportProperties properties;

    OrchestratorClient(ReportProperties properties, JsonMapper json, ServiceCredential credential) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(properties.orchestratorUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
        this.json = json;
        this.properties = properties;
    }

    List<RunDigest> pending() {
        List<RunDigest> pending = http.get().uri(b -> b.path("/api/runs").queryParam("pending", true).queryParam("limit", PENDING_PAGE).build())
                .retrieve().body(new ParameterizedTypeReference<List<RunDigest>>() { });
        return pending == null ? List.of() : pending;
    }

    QualityRunResult result(String runId) {
        AtomicReference<LimitedInputStream> body = new AtomicReference<>();
        try {
            return http.get().uri("/api/runs/{id}", runId).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new IllegalStateException("the quality-orchestrator answered " + response.getStatusCode().value() + " for run " + runId);
                }
                body.set(new LimitedInputStream(response.getBody(), properties.maxRunSize().toBytes()));
                return json.readValue(body.get(), QualityRunResult.class);
            });
        } catch (RuntimeException e) {
            if (body.get() != null && body.get().exceeded()) {
                throw RunTooLargeException.ofRun(runId, properties.maxRunSize());
            }
            throw e;
        }
    }

    void acknowledge(String runId) {
        http.post().uri("/api/runs/{id}/acknowledgement", runId).retrieve().toBodilessEntity();
    }
}
