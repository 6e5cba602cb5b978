package io.devopsparadise.quality.gate;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.quality.profiles.QualityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** Asks the report-service for a run's baseline: the stored run chosen by {@link BaselineChoice}. */
@Component
public class BaselineSource {

    private static final Logger log = LoggerFactory.getLogger(BaselineSource.class);

    private final RestClient http;

    BaselineSource(QualityProperties properties, ServiceCredential credential) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(properties.reportServiceUrl().toString()).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
    }

    /**
     * The baseline, or empty when there is none (the project's first run) or the report-service cannot say; the
     * reason is then in {@link Lookup#why()}.
     */
    public Lookup find(String clientId, String workspace, String profile, BaselineChoice choice) {
        try {
            BaselineFindings found = http.get().uri(b -> b.path("/api/baseline").queryParam("clientId", clientId)
                            .queryParam("workspace", workspace).queryParam("profile", profile).queryParam(choice.parameter(), choice.value()).build())
                    .retrieve().body(BaselineFindings.class);
            return new Lookup(Optional.ofNullable(found), found == null ? "no stored run is " + choice.described() : null);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return new Lookup(Optional.empty(), "no stored run is " + choice.described() + ": this run sets the baseline");
            }
            throw e;
        } catch (RestClientException e) {
            log.warn("no baseline for client {}: the report-service did not answer: {}", clientId, e.toString());
            return new Lookup(Optional.empty(), "the report-service did not answer, so there is no baseline: judged as a first run");
        }
    }

    /** A baseline found, or why there is none. */
    public record Lookup(Optional<BaselineFindings> baseline, String why) {
    }
}
