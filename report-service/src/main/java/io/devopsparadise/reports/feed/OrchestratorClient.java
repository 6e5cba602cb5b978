package io.devopsparadise.reports.feed;

import io.devopsparadise.contracts.quality.QualityOrchestratorApi;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.security.ServiceApis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality-orchestrator's run API as the report-service uses it: which finished runs wait to be stored, one run's
 * whole result (streamed into the parser, bounded by {@code paradise.reports.max-run-size}), and the acknowledgement.
 */
@Component
class OrchestratorClient {

    private static final int PENDING_PAGE = 200;
    /** A whole result of hundreds of megabytes takes its time to stream. */
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final QualityOrchestratorApi api;
    private final RestClient results;
    private final JsonMapper json;
    private final ReportProperties properties;

    OrchestratorClient(ServiceApis apis, ReportProperties properties, JsonMapper json) {
        // an orchestrator busy with large runs answers its list slowly: 60 s, as this feed always waited
        this.api = apis.client(QualityOrchestratorApi.class, properties.orchestratorUrl(), RESULT_TIMEOUT);
        this.results = apis.rest(properties.orchestratorUrl(), RESULT_TIMEOUT);
        this.json = json;
        this.properties = properties;
    }

    List<RunDigest> pending() {
        List<RunDigest> pending = api.runs(null, true, PENDING_PAGE);
        return pending == null ? List.of() : pending;
    }

    QualityRunResult result(String runId) {
        AtomicReference<LimitedInputStream> body = new AtomicReference<>();
        try {
            return results.get().uri("/api/runs/{id}", runId).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new IllegalStateException("the quality-orchestrator answered "
                            + response.getStatusCode().value() + " for run " + runId);
                }
                body.set(new LimitedInputStream(
                        response.getBody(), properties.maxRunSize().toBytes()));
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
        api.acknowledge(runId);
    }
}
