package io.devopsparadise.quality.insights;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.security.ServiceCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** The latest run the report-service stored for a client, read whole (up to a bound) for its coverage and findings. */
@Component
class StoredRunResults {

    private static final Logger log = LoggerFactory.getLogger(StoredRunResults.class);

    private final RestClient http;
    private final boolean configured;
    private final JsonMapper json;
    private final long maxBytes;

    StoredRunResults(QualityProperties quality, InsightsProperties insights, ServiceCredential credential, JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(String.valueOf(quality.reportServiceUrl()))
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
        this.configured = quality.reportServiceUrl() != null;
        this.json = json;
        this.maxBytes = insights.maxRunResult().toBytes();
    }

    /** The report-service's insights over the client's stored runs (flaky tests, recurring rules, debt); empty when it cannot say. */
    Optional<JsonNode> clientInsights(String clientId) {
        if (!configured) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(http.get().uri(b -> b.path("/api/insights").queryParam("clientId", clientId).build())
                    .retrieve().body(JsonNode.class));
        } catch (RestClientException e) {
            log.info("insights: the report-service gave no insights for client {}: {}", clientId, e.toString());
            return Optional.empty();
        }
    }

    /** The client's newest stored run, or empty when it has none, it is too large, or the report-service cannot say. */
    Optional<QualityRunResult> latest(String clientId) {
        if (!configured) {
            return Optional.empty();
        }
        try {
            JsonNode runs = http.get().uri(b -> b.path("/api/runs").queryParam("clientId", clientId).queryParam("limit", 1).build())
                    .retrieve().body(JsonNode.class);
            if (runs == null || runs.isEmpty()) {
                return Optional.empty();
            }
            String id = runs.get(0).path("id").asString();
            return http.get().uri("/api/runs/{id}/result", id).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    return Optional.<QualityRunResult>empty();
                }
                try (InputStream body = response.getBody()) {
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        log.info("insights: run {} is larger than paradise.quality.insights.max-run-result; its coverage is not used", id);
                        return Optional.<QualityRunResult>empty();
                    }
                    return Optional.of(json.readValue(bytes, QualityRunResult.class));
                } catch (IOException e) {
                    return Optional.<QualityRunResult>empty();
                }
            });
        } catch (RestClientException e) {
            log.info("insights: the report-service did not answer for client {}: {}", clientId, e.toString());
            return Optional.empty();
        }
    }
}
