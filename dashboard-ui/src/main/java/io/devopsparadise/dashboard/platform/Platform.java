package io.devopsparadise.dashboard.platform;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.security.ServiceApis;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.dashboard.DashboardProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard's view of the platform: the instance-manager's instances, the orchestrator's runs in progress, the
 * report-service's stored runs, trends and reports. A service that does not answer is a {@link ServiceUnavailableException}.
 */
@Component
public class Platform {

    private final DashboardProperties properties;
    private final InstanceManagerApi manager;
    private final RestClient orchestrator;
    private final RestClient reports;
    /** Insights read a workspace's history and measure its complexity in the instance: seconds, minutes on a large one. */
    private final RestClient insights;

    Platform(RestClient.Builder builder, DashboardProperties properties, ServiceCredential credential, ServiceApis apis) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(2_000);
        requests.setReadTimeout(15_000);
        this.manager = apis.client(InstanceManagerApi.class, properties.instanceManagerUrl());
        this.orchestrator = builder.clone().requestFactory(requests).baseUrl(properties.orchestratorUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
        this.reports = builder.clone().requestFactory(requests).baseUrl(properties.reportServiceUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
        SimpleClientHttpRequestFactory slow = new SimpleClientHttpRequestFactory();
        slow.setConnectTimeout(2_000);
        slow.setReadTimeout(150_000);
        this.insights = builder.clone().requestFactory(slow).baseUrl(properties.orchestratorUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
    }

    /** The client's hotspots, recommendations and working tree's risk; a refusal (no instance, no repository) keeps its words. */
    public InsightsView.Overview insights(String clientId, int limit) {
        return call("quality-orchestrator", properties.orchestratorUrl(), () -> {
            try {
                return insights.get().uri(b -> b.path("/api/insights/overview").queryParam("clientId", clientId).queryParam("limit", limit).build())
                        .retrieve().body(InsightsView.Overview.class);
            } catch (RestClientResponseException refused) {
                throw new RunRefusedException(refused.getStatusCode(), detail(refused));
            }
        });
    }

    /** The client's history insights: flaky tests, recurring rules, debt and its trend, performance regressions. */
    public InsightsView.History insightsHistory(String clientId) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.get()
                .uri(b -> b.path("/api/insights").queryParam("clientId", clientId).build()).retrieve().body(InsightsView.History.class));
    }

    public List<InstanceView> instances() {
        return call("instance-manager", properties.instanceManagerUrl(), () -> manager.instances(null));
    }

    public List<RunRow> runs(String clientId, int limit) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.get()
                .uri(b -> b.path("/api/runs").queryParamIfPresent("clientId", Optional.ofNullable(clientId)).queryParam("limit", limit).build())
                .retrieve().body(new ParameterizedTypeReference<List<RunRow>>() { }));
    }

    public Optional<StoredRunView> storedRun(String id) {
        return call("report-service", properties.reportServiceUrl(), () -> notFoundAsEmpty(() ->
                reports.get().uri("/api/runs/{id}", id).retrieve().body(StoredRunView.class)));
    }

    /** A page of the run's failing tests. */
    public ItemPage<ItemPage.TestItem> failingTests(String id, int offset, int limit) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.get()
                .uri(b -> b.path("/api/runs/{id}/tests").queryParam("status", "FAILED").queryParam("offset", offset).queryParam("limit", limit).build(id))
                .retrieve().body(new ParameterizedTypeReference<ItemPage<ItemPage.TestItem>>() { }));
    }

    /** A page of the run's findings (only those it introduced when newOnly), most severe first. */
    public ItemPage<ItemPage.FindingItem> findings(String id, boolean newOnly, int offset, int limit) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.get()
                .uri(b -> b.path("/api/runs/{id}/findings").queryParamIfPresent("introduced", Optional.ofNullable(newOnly ? Boolean.TRUE : null))
                        .queryParam("offset", offset).queryParam("limit", limit).build(id))
                .retrieve().body(new ParameterizedTypeReference<ItemPage<ItemPage.FindingItem>>() { }));
    }

    /** Why the report-service could not store a finished run, when it says so. */
    public Optional<String> storageFailure(String id) {
        return call("report-service", properties.reportServiceUrl(), () -> {
            try {
                reports.get().uri("/api/runs/{id}", id).retrieve().toBodilessEntity();
                return Optional.empty();
            } catch (RestClientResponseException e) {
                return e.getStatusCode().value() == 422 ? Optional.of(detail(e)) : Optional.empty();
            }
        });
    }

    public List<TrendPointView> trend(String clientId, String workspace) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.get()
                .uri(b -> b.path("/api/trends").queryParam("clientId", clientId).queryParam("workspace", workspace).build())
                .retrieve().body(new ParameterizedTypeReference<List<TrendPointView>>() { }));
    }

    /** A report file of a stored run, with its content type, as the report-service serves it. */
    public Optional<ResponseEntity<byte[]>> report(String id, String file) {
        return call("report-service", properties.reportServiceUrl(), () -> notFoundAsEmpty(() ->
                reports.get().uri("/api/runs/{id}/{file}", id, file).retrieve().toEntity(byte[].class)));
    }

    /** A run's digest as the orchestrator gives it while it runs and until it is stored. */
    public Optional<RunDigest> liveRun(String id) {
        return call("quality-orchestrator", properties.orchestratorUrl(), () -> notFoundAsEmpty(() ->
                orchestrator.get().uri("/api/runs/{id}/summary", id).retrieve().body(RunDigest.class)));
    }

    /** Starts a run; a refusal (unknown profile, no instance) comes back as {@link RunRefusedException} with the orchestrator's words. */
    public QualityRunResult startRun(String clientId, String profile) {
        return call("quality-orchestrator", properties.orchestratorUrl(), () -> {
            try {
                return orchestrator.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("clientId", clientId, "profile", profile)).retrieve().body(QualityRunResult.class);
            } catch (RestClientResponseException refused) {
                throw new RunRefusedException(refused.getStatusCode(), detail(refused));
            }
        });
    }

    private static String detail(RestClientResponseException refused) {
        try {
            Map<?, ?> problem = refused.getResponseBodyAs(Map.class);
            Object detail = problem == null ? null : problem.get("detail");
            return detail != null ? detail.toString() : refused.getStatusText();
        } catch (RuntimeException unreadable) {
            return refused.getStatusText();
        }
    }

    private static <T> Optional<T> notFoundAsEmpty(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(String service, URI url, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailableException(service, url, e);
        }
    }

    /** The orchestrator refused to start a run. */
    public static class RunRefusedException extends RuntimeException {

        private final HttpStatusCode status;

        RunRefusedException(HttpStatusCode status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatusCode status() {
            return status;
        }
    }
}
