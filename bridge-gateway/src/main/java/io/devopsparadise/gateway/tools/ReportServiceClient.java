package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.reports.ReportServiceApi;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.security.ServiceApis;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;
import reactor.core.publisher.Mono;

/** The report-service's stored runs and reports, for {@code paradise_quality_report} (its calls run off the event loops). */
@Component
class ReportServiceClient {

    /** The report-service's answer for a finished run it could not store. */
    private static final int UNPROCESSABLE = 422;
    /** A report in a tool's answer is read by a model: its first 256 KiB (the whole report is at its URL). */
    private static final int MAX_MARKDOWN = 256 * 1024;

    private final ReportServiceApi api;
    private final String baseUrl;
    private final ServiceCalls calls;

    ReportServiceClient(ServiceApis apis, GatewayProperties properties) {
        this.api = apis.client(ReportServiceApi.class, properties.reportServiceUrl());
        this.baseUrl = properties.reportServiceUrl().toString();
        this.calls = new ServiceCalls("the report-service", properties.reportServiceUrl());
    }

    /** The client's stored run (the latest when runId is null), as the report-service lists it; empty when it has none. */
    Mono<RunSummary> run(String clientId, String runId) {
        if (runId == null) {
            return calls.call(() -> api.runs(clientId, 1))
                    .flatMap(runs -> runs.isEmpty() ? Mono.empty() : Mono.just(runs.get(0)));
        }
        return calls.call(() -> {
                    try {
                        return api.run(runId).summary();
                    } catch (RestClientResponseException e) {
                        if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                            return null;
                        }
                        if (e.getStatusCode().value() == UNPROCESSABLE) {
                            throw new RunNotStoredException(runId, ServiceApis.detail(e));
                        }
                        throw e;
                    }
                })
                .filter(summary -> clientId.equals(summary.clientId()));
    }

    Mono<String> markdown(String runId) {
        return calls.call(() -> {
            byte[] markdown = api.report(runId, "report.md").getBody();
            if (markdown == null || markdown.length == 0) {
                throw new IllegalStateException("the report-service has no Markdown report of run " + runId);
            }
            return new String(markdown, 0, Math.min(markdown.length, MAX_MARKDOWN), StandardCharsets.UTF_8);
        });
    }

    String reportUrl(String runId, String file) {
        return baseUrl.replaceAll("/$", "") + "/api/runs/" + runId + "/" + file;
    }

    /** A finished run the report-service could not store, with its reason. */
    static final class RunNotStoredException extends RuntimeException {

        RunNotStoredException(String runId, String reason) {
            super("Run " + runId + " finished but is not stored: " + reason);
        }
    }
}
