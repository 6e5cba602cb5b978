package io.devopsparadise.quality.exec;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.security.ServiceApis;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance-manager, as the orchestrator uses it: find a client's instance and run commands inside it. A lookup
 * answers within the service APIs' read timeout; a command's call waits for as long as the command may run, and a
 * little more.
 */
@Component
public class InstanceManagerClient {

    /** Beyond the command's own timeout, which the manager enforces: its answer on the way back. */
    static final Duration EXEC_MARGIN = Duration.ofSeconds(30);
    private static final int KEPT_EXEC_CLIENTS = 16;

    private final ServiceApis apis;
    private final URI baseUrl;
    private final InstanceManagerApi lookups;
    private final Map<Long, InstanceManagerApi> byExecTimeout = new ConcurrentHashMap<>();

    InstanceManagerClient(ServiceApis apis, QualityProperties properties) {
        this.apis = apis;
        this.baseUrl = properties.instanceManagerUrl();
        this.lookups = apis.client(InstanceManagerApi.class, baseUrl);
    }

    public Optional<InstanceView> findByClient(String clientId) {
        try {
            List<InstanceView> found = lookups.instances(clientId);
            return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (RestClientException e) {
            throw new ExecutionUnavailableException("the instance-manager at " + baseUrl + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Runs a command inside the instance and waits for it (the manager enforces the timeout). */
    public ExecResult exec(String instanceId, List<String> command, java.util.Map<String, String> env, String workdir, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        try {
            return execClient(seconds).exec(instanceId, new ExecRequest(command, workdir, (int) seconds, env));
        } catch (RestClientException e) {
            throw new ExecutionUnavailableException("could not run " + command.get(0) + " in instance " + instanceId + ": " + e.getMessage(), e);
        }
    }

    private InstanceManagerApi execClient(long seconds) {
        InstanceManagerApi kept = byExecTimeout.get(seconds);
        if (kept != null) {
            return kept;
        }
        InstanceManagerApi made = apis.client(InstanceManagerApi.class, baseUrl, Duration.ofSeconds(seconds).plus(EXEC_MARGIN));
        if (byExecTimeout.size() < KEPT_EXEC_CLIENTS) {
            byExecTimeout.putIfAbsent(seconds, made);
        }
        return made;
    }
}
