package io.devopsparadise.gateway.tools;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The report-service's stored runs and reports, for {@code paradise_quality_report}. */
@Component
class ReportServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** The report-service's answer for a finished run it could not store. */
    private static final int UNPROCESSABLE = 422;

    private final WebClient http;
    private final String baseUrl;

    ReportServiceClient(WebClient.Builder builder, GatewayProperties properties, ServiceCredential credential) {
        this.baseUrl = properties.reportServiceUrl().toString();
        this.http = builder.clone().baseUrl(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
    }

    /** The client's stored run (the latest when runId is null): its summary as the report-service lists it. */
    Mono<Map<String, Object>> run(String clientId, String runId) {
        if (runId == null) {
            return http.get().uri(uri -> uri.path("/api/runs").queryParam("clientId", clientId).queryParam("limit", 1).build())
                    .retrieve().bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).timeout(TIMEOUT)
                    .flatMap(runs -> runs.isEmpty() ? Mono.empty() : Mono.just(runs.get(0))).onErrorMap(this::explain);
        }
        return http.get().uri("/api/runs/{id}", runId).retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .timeout(TIMEOUT)
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) ? Mono.empty()
                        : e.getStatusCode().value() == UNPROCESSABLE ? Mono.error(new RunNotStoredException(runId, detail(e))) : Mono.error(e))
                .<Map<String, Object>>map(stored -> castMap(stored.get("summary")))
                .filter(summary -> clientId.equals(summary.get("clientId")))
                .onErrorMap(this::explain);
    }

    Mono<String> markdown(String runId) {
        return http.get().uri("/api/runs/{id}/report.md", runId).retrieve().bodyToMono(String.class).timeout(TIMEOUT).onErrorMap(this::explain);
    }

    String reportUrl(String runId, String file) {
        return baseUrl.replaceAll("/$", "") + "/api/runs/" + runId + "/" + file;
    }

    private static String detail(WebClientResponseException e) {
        try {
            Map<?, ?> problem = e.getResponseBodyAs(Map.class);
            Object detail = problem == null ? null : problem.get("detail");
            return detail == null ? e.getStatusText() : detail.toString();
        } catch (RuntimeException unreadable) {
            return e.getStatusText();
        }
    }

    /** A finished run the report-service could not store, with its reason. */
    static final class RunNotStoredException extends RuntimeException {

        RunNotStoredException(String runId, String reason) {
            super("Run " + runId + " finished but is not stored: " + reason);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Throwable explain(Throwable error) {
        if (error instanceof WebClientRequestException) {
            return new IllegalStateException("the report-service at " + baseUrl + " does not answer; start the platform with scripts/start-devops-paradise.sh", error);
        }
        return error;
    }
}
