package io.devopsparadise.quality.gate;

import io.devopsparadise.contracts.quality.BaselineFindings;
import io.devopsparadise.contracts.reports.ReportServiceApi;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.security.ServiceApis;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

@Component
public class BaselineSource {

    private static final Logger log = LoggerFactory.getLogger(BaselineSource.class);

    /** The baseline of a large run carries the fingerprints of all its findings: more than the usual 15 s to read. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ReportServiceApi reports;

    BaselineSource(ServiceApis apis, QualityProperties properties) {
        this.reports = apis.client(ReportServiceApi.class, properties.reportServiceUrl(), TIMEOUT);
    }

    /**
     * The baseline, or empty when there is none (the project's first run) or the report-service cannot say; the
     * reason is then in {@link Lookup#why()}.
     */
    public Lookup find(String clientId, String workspace, String profile, BaselineChoice choice) {
        try {
            BaselineFindings found = reports.baseline(
                    clientId,
                    workspace,
                    profile,
                    choice.branch(),
                    choice.commit(),
                    choice.isPrevious() ? Boolean.TRUE : null);
            return new Lookup(
                    Optional.ofNullable(found), found == null ? "no stored run is " + choice.described() : null);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return new Lookup(
                        Optional.empty(), "no stored run is " + choice.described() + ": this run sets the baseline");
            }
            throw e;
        } catch (RestClientException e) {
            log.warn("no baseline for client {}: the report-service did not answer: {}", clientId, e.toString());
            return new Lookup(
                    Optional.empty(),
                    "the report-service did not answer, so there is no baseline: judged as a first run");
        }
    }

    /** A baseline found, or why there is none. */
    public record Lookup(Optional<BaselineFindings> baseline, String why) {}
}
