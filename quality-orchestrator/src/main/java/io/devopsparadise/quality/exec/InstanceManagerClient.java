package io.devopsparadise.quality.exec;

import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.quality.profiles.QualityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The instance-manager, as the orchestrator uses it: find a client's instance and run commands inside it. */
@Component
public class InstanceManagerClient {

    private final RestClient http;
    private final String baseUrl;

    InstanceManagerClient(RestClient.Builder builder, QualityProperties properties, ServiceCredential credential) {
        this.baseUrl = String.valueOf(properties.instanceManagerUrl());
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        this.http = builder.clone().baseUrl(baseUrl).requestFactory(factory).defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization()).build();
    }

    public Optional<InstanceView> findByClient(String clientId) {
        try {
            List<InstanceView> found = http.get().uri("/api/instances?clientId={id}", clientId).retrieve()
                    .body(new ParameterizedTypeReference<List<InstanceView>>() { });
            return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (RestClientException e) {
            throw new ExecutionUnavailableException("the instance-manager at " + baseUrl + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Runs a command inside the instance and waits for it (the manager enforces the timeout). */
    public ExecResult exec(String instanceId, List<String> command, java.util.Map<String, String> env, String workdir, Duration timeout) {
        try {
            return http.post().uri("/api/instances/{id}/exec", instanceId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(new ExecRequest(command, workdir, (int) Math.max(1, timeout.toSeconds()), env))
                    .retrieve()
                    .body(ExecResult.class);
        } catch (RestClientException e) {
            throw new ExecutionUnavailableException("could not run " + command.get(0) + " in instance " + instanceId + ": " + e.getMessage(), e);
        }
    }
}
