package io.devopsparadise.dashboard.platform;

import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.quality.QualityOrchestratorApi;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunRequest;
import io.devopsparadise.contracts.reports.FindingItem;
import io.devopsparadise.contracts.reports.Page;
import io.devopsparadise.contracts.reports.ReportServiceApi;
import io.devopsparadise.contracts.reports.RunOverview;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.contracts.reports.TestItem;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.contracts.usage.GatewayApi;
import io.devopsparadise.contracts.usage.McpUsage;
import io.devopsparadise.contracts.usage.QualityUsage;
import io.devopsparadise.dashboard.DashboardProperties;
import io.devopsparadise.security.ServiceApis;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's view of the platform: the instance-manager's instances, the orchestrator's runs in progress, the
 * report-service's stored runs, trends and reports. A service that does not answer is a {@link ServiceUnavailableException}.
 */
@Component
public class Platform {

    private static final Duration INSIGHTS_TIMEOUT = Duration.ofSeconds(150);

    private final DashboardProperties properties;
    private final InstanceManagerApi manager;
    private final QualityOrchestratorApi orchestrator;
    private final ReportServiceApi reports;
    private final GatewayApi gateway;
    /** Insights read a workspace's history and measure its complexity in the instance: seconds, minutes on a large one. */
    private final QualityOrchestratorApi insights;

    private final JsonMapper json;

    Platform(ServiceApis apis, DashboardProperties properties, JsonMapper json) {
        this.properties = properties;
        this.manager = apis.client(InstanceManagerApi.class, properties.instanceManagerUrl());
        this.orchestrator = apis.client(QualityOrchestratorApi.class, properties.orchestratorUrl());
        this.reports = apis.client(ReportServiceApi.class, properties.reportServiceUrl());
        this.gateway = apis.client(GatewayApi.class, properties.gatewayUrl());
        this.insights = apis.client(QualityOrchestratorApi.class, properties.orchestratorUrl(), INSIGHTS_TIMEOUT);
        this.json = json;
    }

    /** The client's hotspots, recommendations and working tree's risk; a refusal (no instance, no repository) keeps its words. */
    public InsightsView.Overview insights(String clientId, int limit) {
        return call("quality-orchestrator", properties.orchestratorUrl(), () -> {
            try {
                return json.treeToValue(insights.insightsOverview(clientId, limit), InsightsView.Overview.class);
            } catch (RestClientResponseException refused) {
                throw new RunRefusedException(refused.getStatusCode(), ServiceApis.detail(refused));
            }
        });
    }

    /** The client's history insights: flaky tests, recurring rules, debt and its trend, performance regressions. */
    public InsightsView.History insightsHistory(String clientId) {
        return call(
                "report-service",
                properties.reportServiceUrl(),
                () -> json.treeToValue(reports.insights(clientId), InsightsView.History.class));
    }

    /** Each client's use of the gateway: sessions, requests, errors, tool calls. */
    public List<McpUsage> gatewayUsage() {
        return call("bridge-gateway", properties.gatewayUrl(), gateway::usage);
    }

    /** Each client's stored quality runs and the test time selection saved. */
    public List<QualityUsage> qualityUsage() {
        return call("report-service", properties.reportServiceUrl(), reports::usage);
    }

    public List<InstanceView> instances() {
        return call("instance-manager", properties.instanceManagerUrl(), () -> manager.instances(null));
    }

    public List<RunSummary> runs(String clientId, int limit) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.runs(clientId, limit));
    }

    public Optional<RunOverview> storedRun(String id) {
        return call("report-service", properties.reportServiceUrl(), () -> notFoundAsEmpty(() -> reports.run(id)));
    }

    /** A page of the run's failing tests. */
    public Page<TestItem> failingTests(String id, int offset, int limit) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.tests(id, "FAILED", offset, limit));
    }

    /** A page of the run's findings (only those it introduced when newOnly), most severe first. */
    public Page<FindingItem> findings(String id, boolean newOnly, int offset, int limit) {
        return call(
                "report-service",
                properties.reportServiceUrl(),
                () -> reports.findings(id, newOnly ? Boolean.TRUE : null, offset, limit));
    }

    /** Why the report-service could not store a finished run, when it says so. */
    public Optional<String> storageFailure(String id) {
        return call("report-service", properties.reportServiceUrl(), () -> {
            try {
                reports.run(id);
                return Optional.empty();
            } catch (RestClientResponseException e) {
                return e.getStatusCode().value() == 422 ? Optional.of(ServiceApis.detail(e)) : Optional.empty();
            }
        });
    }

    public List<TrendPoint> trend(String clientId, String workspace) {
        return call("report-service", properties.reportServiceUrl(), () -> reports.trends(clientId, workspace));
    }

    /** A report file of a stored run, with its content type, as the report-service serves it. */
    public Optional<ResponseEntity<byte[]>> report(String id, String file) {
        return call(
                "report-service", properties.reportServiceUrl(), () -> notFoundAsEmpty(() -> reports.report(id, file)));
    }

    /** A run's digest as the orchestrator gives it while it runs and until it is stored. */
    public Optional<RunDigest> liveRun(String id) {
        return call(
                "quality-orchestrator",
                properties.orchestratorUrl(),
                () -> notFoundAsEmpty(() -> orchestrator.digest(id)));
    }

    /** Starts a run; a refusal (unknown profile, no instance) comes back as {@link RunRefusedException} with the orchestrator's words. */
    public QualityRunResult startRun(String clientId, String profile) {
        return call("quality-orchestrator", properties.orchestratorUrl(), () -> {
            try {
                return orchestrator.start(new RunRequest(clientId, profile, null, null));
            } catch (RestClientResponseException refused) {
                throw new RunRefusedException(refused.getStatusCode(), ServiceApis.detail(refused));
            }
        });
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
