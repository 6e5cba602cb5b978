package io.devopsparadise.quality.exec;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.security.ServiceApis;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The instance-manager, as the orchestrator uses it: find a client's instance and run commands inside it. A lookup
 * answers within the service APIs' read timeout; a command's call waits for as long as the command may run, and a
 * little more.
 */
@Component
public class InstanceManagerClient {

    /** Beyond the command's own timeout, which the manager enforces: its answer on the way back. */
    static final Duration EXEC_MARGIN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(InstanceManagerClient.class);
    private static final int KEPT_EXEC_CLIENTS = 16;
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(3);
    /** The threads that make exec calls: as many as execs in flight, one per running tool at most. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "instance-exec");
        thread.setDaemon(true);
        return thread;
    });

    private final ServiceApis apis;
    private final URI baseUrl;
    private final InstanceManagerApi lookups;
    /** A cancel is sent by a run's thread after the run was cancelled: it must not hold that thread long. */
    private final InstanceManagerApi cancels;

    private final Map<Long, InstanceManagerApi> byExecTimeout = new ConcurrentHashMap<>();

    @Autowired
    InstanceManagerClient(ServiceApis apis, QualityProperties properties) {
        this(apis, properties.instanceManagerUrl());
    }

    InstanceManagerClient(ServiceApis apis, URI baseUrl) {
        this.apis = apis;
        this.baseUrl = baseUrl;
        this.lookups = apis.client(InstanceManagerApi.class, baseUrl);
        this.cancels = apis.client(InstanceManagerApi.class, baseUrl, CANCEL_TIMEOUT);
    }

    public Optional<InstanceView> findByClient(String clientId) {
        try {
            List<InstanceView> found = lookups.instances(clientId);
            return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (RestClientException e) {
            throw new ExecutionUnavailableException(
                    "the instance-manager at " + baseUrl + " does not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a command inside the instance and waits for it (the manager enforces the timeout). The call itself runs on
     * a thread of its own, and the caller waits for it: interrupting the caller (a cancelled run) cancels the command
     * by its id. The call's own thread could not be stopped that way: Java's HttpClient ignores an interrupt while it
     * reads an answer, and cannot abort one still waiting for the answer's headers.
     */
    public ExecResult exec(
            String instanceId,
            List<String> command,
            java.util.Map<String, String> env,
            String workdir,
            Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        String execId = UUID.randomUUID().toString();
        ExecRequest request = new ExecRequest(command, workdir, (int) seconds, env);
        Future<ExecResult> call = CALLS.submit(() -> execClient(seconds).exec(instanceId, execId, request));
        ExecResult result;
        try {
            result = call.get();
        } catch (InterruptedException e) {
            cancel(instanceId, execId);
            call.cancel(true);
            throw new ExecutionUnavailableException(
                    "the run was cancelled while " + command.get(0) + " ran in instance " + instanceId
                            + "; its command was cancelled too",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RestClientException refused) {
                throw new ExecutionUnavailableException(
                        "could not run " + command.get(0) + " in instance " + instanceId + ": " + refused.getMessage(),
                        refused);
            }
            throw e.getCause() instanceof RuntimeException unexpected
                    ? unexpected
                    : new IllegalStateException("the exec call failed", e.getCause());
        }
        if (result == null) {
            throw new ExecutionUnavailableException(
                    "the instance-manager ended the exec of " + command.get(0) + " in instance " + instanceId
                            + " without a result: it was cancelled",
                    null);
        }
        return result;
    }

    /** Cancels a named exec; the caller's interrupt is set again afterwards, for its run to see. */
    private void cancel(String instanceId, String execId) {
        try {
            cancels.cancelExec(instanceId, execId);
        } catch (RestClientException e) {
            log.warn("could not cancel exec {} in instance {}: {}", execId, instanceId, e.toString());
        } finally {
            Thread.currentThread().interrupt();
        }
    }

    private InstanceManagerApi execClient(long seconds) {
        InstanceManagerApi kept = byExecTimeout.get(seconds);
        if (kept != null) {
            return kept;
        }
        InstanceManagerApi made = apis.client(
                InstanceManagerApi.class, baseUrl, Duration.ofSeconds(seconds).plus(EXEC_MARGIN));
        if (byExecTimeout.size() < KEPT_EXEC_CLIENTS) {
            byExecTimeout.putIfAbsent(seconds, made);
        }
        return made;
    }
}
