package io.devopsparadise.quality.insights;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.reports.ReportServiceApi;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.security.ServiceApis;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The latest run the report-service stored for a client, read whole (up to a bound) for its coverage and findings. */
@Component
class StoredRunResults {

    private static final Logger log = LoggerFactory.getLogger(StoredRunResults.class);

    /** A stored run's whole result can be hundreds of megabytes. */
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final ReportServiceApi reports;
    private final RestClient results;
    private final boolean configured;
    private final JsonMapper json;
    private final long maxBytes;

    StoredRunResults(ServiceApis apis, QualityProperties quality, InsightsProperties insights, JsonMapper json) {
        this.configured = quality.reportServiceUrl() != null;
        // the history of a large project is a heavy query: 60 s, as it always had
        this.reports =
                configured ? apis.client(ReportServiceApi.class, quality.reportServiceUrl(), RESULT_TIMEOUT) : null;
        this.results = configured ? apis.rest(quality.reportServiceUrl(), RESULT_TIMEOUT) : null;
        this.json = json;
        this.maxBytes = insights.maxRunResult().toBytes();
    }

    /** The report-service's insights over the client's stored runs (flaky tests, recurring rules, debt); empty when it cannot say. */
    Optional<JsonNode> clientInsights(String clientId) {
        if (!configured) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reports.insights(clientId));
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
            List<RunSummary> runs = reports.runs(clientId, 1);
            if (runs == null || runs.isEmpty()) {
                return Optional.empty();
            }
            String id = runs.get(0).id();
            return results.get().uri("/api/runs/{id}/result", id).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    return Optional.<QualityRunResult>empty();
                }
                try (InputStream body = response.getBody()) {
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        log.info(
                                "insights: run {} is larger than paradise.quality.insights.max-run-result; its coverage is not used",
                                id);
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
