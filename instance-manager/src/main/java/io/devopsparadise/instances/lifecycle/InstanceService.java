package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Provisions, finds, uses and deletes instances. */
@Service
public class InstanceService {

    private static final Logger log = LoggerFactory.getLogger(InstanceService.class);
    /** Starts of one instance when ports are taken meanwhile: each attempt leases ports the probe saw free. */
    static final int PORT_ATTEMPTS = 3;

    private final InstanceRegistry registry;
    private final DefaultBackend defaultBackend;
    private final InstanceRuntimes runtimes;
    private final PortAllocator ports;
    private final WorkspacePolicy workspaces;
    private final LaunchSpecs launchSpecs;
    private final InstanceEventBus events;
    private final InstanceProperties properties;
    private final Clock clock;

    InstanceService(
            InstanceRegistry registry,
            DefaultBackend defaultBackend,
            InstanceRuntimes runtimes,
            PortAllocator ports,
            WorkspacePolicy workspaces,
            LaunchSpecs launchSpecs,
            InstanceEventBus events,
            InstanceProperties properties,
            Clock clock) {
        this.registry = registry;
        this.defaultBackend = defaultBackend;
        this.runtimes = runtimes;
        this.ports = ports;
        this.workspaces = workspaces;
        this.launchSpecs = launchSpecs;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public Instance provision(ProvisionRequest request) {
        String clientId = checkClientId(request.clientId());
        BackendProfile profile = defaultBackend.resolve(request.profile());
        Path workspace = workspaces.check(request.workspace());
        InstanceRuntime runtime = runtimes.forProfile(profile);
        if (properties.shared() && runtime.engine() != Engine.DOCKER) {
            throw new InvalidRequestException(
                    "a shared installation requires Docker: profile " + profile.name() + " would run on the "
                            + runtime.engine()
                            + " engine, as the platform's own user, able to read every client's workspace and the"
                            + " platform's data directory. Use a Docker profile"
                            + (runtime.isAvailable() ? "" : " and start the Docker engine"));
        }
        ResourceLimits limits = RequestedLimits.of(request, profile, runtime.engine());
        for (int attempt = 1; ; attempt++) {
            Instance reserved = reserve(clientId, profile, runtime.engine(), workspace, limits);
            try {
                return start(reserved, runtime);
            } catch (RuntimeException e) {
                ports.release(reserved.id());
                registry.remove(reserved.id());
                // a program took a leased port between the probe and the engine's bind: lease others
                if (attempt >= PORT_ATTEMPTS || !PortTakenMeanwhile.isCauseOf(e)) {
                    throw e;
                }
                log.info("a port of {}'s instance was taken before it started; trying other ports", clientId);
            }
        }
    }

    /** Claims the client and the ports under one lock, so that concurrent requests cannot both pass the checks. */
    private synchronized Instance reserve(
            String clientId, BackendProfile profile, Engine engine, Path workspace, ResourceLimits limits) {
        registry.findByClient(clientId).ifPresent(existing -> {
            throw new DuplicateClientException(clientId, existing.id());
        });
        if (registry.size() >= properties.maxInstances()) {
            throw new InstanceLimitReachedException(properties.maxInstances());
        }
        String id = UUID.randomUUID().toString();
        Map<String, Integer> leased = ports.lease(id, profile.portNames());
        Instant now = clock.instant();
        Instance instance = new Instance(
                id,
                clientId,
                profile.name(),
                engine,
                workspace,
                leased,
                launchSpecs.mcpUrl(profile.name(), leased),
                null,
                InstanceState.STARTING,
                "starting",
                now,
                now,
                0,
                now,
                limits);
        try {
            registry.put(instance);
        } catch (RuntimeException e) {
            ports.release(id);
            throw e;
        }
        return instance;
    }

    private Instance start(Instance reserved, InstanceRuntime runtime) {
        ReentrantLock lock = registry.lockOf(reserved.id());
        lock.lock();
        try {
            RuntimeHandle handle = runtime.start(launchSpecs.of(reserved));
            Instance started = registry.update(reserved.id(), i -> i.launched(handle, clock.instant()))
                    .orElseThrow();
            events.publish(
                    InstanceEvent.Type.PROVISIONED,
                    started.id(),
                    started.clientId(),
                    null,
                    InstanceState.STARTING,
                    "provisioned on " + runtime.engine() + " with ports " + started.ports());
            return started;
        } finally {
            lock.unlock();
        }
    }

    private static String checkClientId(String clientId) {
        if (!ClientNames.isValid(clientId)) {
            throw new InvalidRequestException("clientId must be " + ClientNames.RULE + "; got "
                    + (clientId == null ? "nothing" : "'" + clientId + "'"));
        }
        return clientId;
    }

    public Instance get(String id) {
        return registry.find(id).orElseThrow(() -> new InstanceNotFoundException(id));
    }

    public java.util.List<Instance> list() {
        return registry.all();
    }

    /** Waits until the instance is healthy, or fails with what went wrong. */
    public Instance awaitHealthy(String id, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        while (true) {
            Instance instance = get(id);
            if (instance.state() == InstanceState.HEALTHY) {
                return instance;
            }
            if (instance.state() == InstanceState.FAILED) {
                throw new InstanceNotReadyException("Instance " + id + " failed to start: " + instance.health());
            }
            if (clock.instant().isAfter(deadline)) {
                throw new InstanceNotReadyException("Instance " + id + " is not healthy after " + limit.toSeconds()
                        + " s (state " + instance.state() + ": " + instance.health() + ")");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public Instance recordActivity(String id) {
        return registry.update(id, i -> i.touched(clock.instant()))
                .orElseThrow(() -> new InstanceNotFoundException(id));
    }

    public void delete(String id) {
        delete(id, InstanceEvent.Type.DELETED, "deleted on request");
    }

    void delete(String id, InstanceEvent.Type reason, String message) {
        ReentrantLock lock = registry.lockOf(id);
        lock.lock();
        try {
            Instance instance = get(id);
            if (instance.handle() != null) {
                runtimes.of(instance.engine()).remove(instance.handle());
            }
            ports.release(id);
            registry.remove(id);
            events.publish(reason, id, instance.clientId(), instance.state(), null, message);
        } finally {
            lock.unlock();
        }
    }

    public ExecResult exec(String id, ExecRequest request, OutputListener listener) {
        return prepareExec(id, request).run(listener);
    }

    /**
     * Checks an exec request against the instance now, so that a bad one is refused before anything runs;
     * the command runs when the returned exec is run, on the caller's thread. Interrupting that thread kills it.
     */
    public PreparedExec prepareExec(String id, ExecRequest request) {
        if (request.command().isEmpty() || request.command().stream().anyMatch(arg -> arg == null)) {
            throw new InvalidRequestException(
                    "command must be a non-empty array of strings: program first, then its arguments");
        }
        Instance instance = get(id);
        if (instance.handle() == null
                || instance.state() == InstanceState.FAILED
                || instance.state() == InstanceState.RESTARTING) {
            throw new InstanceNotReadyException(
                    "Instance " + id + " is " + instance.state() + "; exec needs a running instance");
        }
        Duration timeout = request.timeoutSeconds() == null
                ? properties.execTimeout()
                : Duration.ofSeconds(request.timeoutSeconds());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidRequestException("timeoutSeconds must be positive");
        }
        return listener -> {
            recordActivity(id);
            return runtimes.of(instance.engine())
                    .exec(instance.handle(), launchSpecs.of(instance), request, timeout, listener);
        };
    }

    /** A checked exec request, ready to run. */
    @FunctionalInterface
    public interface PreparedExec {
        ExecResult run(OutputListener listener);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceNotReadyException("interrupted while waiting for the instance");
        }
    }
}
