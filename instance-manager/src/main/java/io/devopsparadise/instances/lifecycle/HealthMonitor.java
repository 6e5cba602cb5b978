package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.health.HealthResult;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import io.devopsparadise.security.PortHolders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every instance periodically and drives its state: STARTING → HEALTHY ⇄ UNHEALTHY → RESTARTING →
 * STARTING …, and FAILED once the restart budget is spent. Restarts wait an exponentially growing backoff.
 */
@Component
class HealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    private final InstanceRegistry registry;
    private final InstanceRuntimes runtimes;
    private final BackendProfiles profiles;
    private final LaunchSpecs launchSpecs;
    private final InstanceEventBus events;
    private final InstanceMetrics metrics;
    private final InstanceProperties properties;
    private final Reconciler reconciler;
    private final WorkspacePolicy workspaces;
    private final PortAllocator ports;
    private final Clock clock;
    private final ExecutorService checks;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> restartAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastProbe = new ConcurrentHashMap<>();
    /** Instances another program took a port of: they restart on new ports. */
    private final Set<String> displaced = ConcurrentHashMap.newKeySet();

    HealthMonitor(
            InstanceRegistry registry,
            InstanceRuntimes runtimes,
            BackendProfiles profiles,
            LaunchSpecs launchSpecs,
            InstanceEventBus events,
            InstanceMetrics metrics,
            InstanceProperties properties,
            Reconciler reconciler,
            WorkspacePolicy workspaces,
            PortAllocator ports,
            Clock clock) {
        this.registry = registry;
        this.runtimes = runtimes;
        this.profiles = profiles;
        this.launchSpecs = launchSpecs;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.reconciler = reconciler;
        this.workspaces = workspaces;
        this.ports = ports;
        this.clock = clock;
        this.checks = Executors.newFixedThreadPool(properties.health().parallelChecks(), daemon("health-check"));
    }

    @Scheduled(fixedDelayString = "${paradise.instances.health.interval:1s}")
    void tick() {
        if (!reconciler.isDone()) {
            return;
        }
        forgetRemoved();
        registry.all().stream()
                .filter(instance -> instance.state() != InstanceState.FAILED)
                .filter(instance -> inFlight.add(instance.id()))
                .forEach(instance -> checks.execute(() -> {
                    try {
                        checkOne(instance.id());
                    } catch (RuntimeException e) {
                        log.warn("health check of instance {} failed unexpectedly: {}", instance.id(), e.toString());
                    } finally {
                        inFlight.remove(instance.id());
                    }
                }));
    }

    /** What is kept per instance goes with the instance: removed and FAILED ones are never checked again. */
    void forgetRemoved() {
        Set<String> checked = registry.all().stream()
                .filter(instance -> instance.state() != InstanceState.FAILED)
                .map(Instance::id)
                .collect(java.util.stream.Collectors.toSet());
        lastProbe.keySet().retainAll(checked);
        failures.keySet().retainAll(checked);
        restartAt.keySet().retainAll(checked);
        displaced.retainAll(checked);
    }

    /** How many instances this monitor keeps state for (for tests of its bounds). */
    int tracked() {
        Set<String> ids = new java.util.HashSet<>(lastProbe.keySet());
        ids.addAll(failures.keySet());
        ids.addAll(restartAt.keySet());
        ids.addAll(displaced);
        return ids.size();
    }

    void checkOne(String id) {
        Instance instance = registry.find(id).orElse(null);
        if (instance == null || instance.handle() == null) {
            return;
        }
        if (instance.state() == InstanceState.RESTARTING) {
            restartWhenDue(instance);
            return;
        }
        InstanceRuntime runtime = runtimes.of(instance.engine());
        boolean running = runtime.isRunning(instance.handle());
        if (running && instance.state() == InstanceState.HEALTHY && !probeDue(id)) {
            return;
        }
        lastProbe.put(id, clock.instant());
        HealthResult probed = running
                ? profiles.get(instance.profile())
                        .healthCheck()
                        .check(instance.ports(), properties.health().timeout())
                : HealthResult.unhealthy(
                        instance.engine() == Engine.DOCKER ? "container is not running" : "process is not running",
                        Duration.ZERO);
        // after the probe: a program holding the port may have answered it
        Map<Integer, PortHolders.Holder> holders = runtime.portHolders(instance.handle(), instance.ports());
        Optional<Integer> taken = takenPort(holders);
        HealthResult result = judge(instance, running, probed, holders, taken);
        if (running) {
            metrics.checked(instance.profile(), result);
        }
        if (taken.isPresent()) {
            displaced.add(id);
        }
        underLock(id, () -> apply(id, instance.handle(), running && taken.isEmpty(), result));
    }

    private static Optional<Integer> takenPort(Map<Integer, PortHolders.Holder> holders) {
        return holders.entrySet().stream()
                .filter(holder -> holder.getValue() == PortHolders.Holder.OTHER)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The probe's answer counts only while the instance itself holds its ports. */
    private HealthResult judge(
            Instance instance,
            boolean running,
            HealthResult probed,
            Map<Integer, PortHolders.Holder> holders,
            Optional<Integer> taken) {
        if (taken.isPresent()) {
            return HealthResult.unhealthy(
                    "port " + taken.get() + " is held by another program, not by this instance's process"
                            + (running ? "" : " (which has ended)"),
                    probed.latency());
        }
        Integer mcpPort = instance.ports().get(profiles.get(instance.profile()).mcpPort());
        if (probed.healthy() && holders.get(mcpPort) == PortHolders.Holder.NONE) {
            return HealthResult.unhealthy(
                    "port " + mcpPort + " answered, but nothing listens on it now: the answer was not this instance's",
                    probed.latency());
        }
        return probed;
    }

    /** A healthy instance that still runs is probed less often: the probe opens a real MCP session. */
    private boolean probeDue(String id) {
        Instant last = lastProbe.get(id);
        return last == null
                || !clock.instant().isBefore(last.plus(properties.health().healthyInterval()));
    }

    /** @param canServe the instance runs and holds its own ports: it may recover where it is */
    private void apply(String id, RuntimeHandle checkedHandle, boolean canServe, HealthResult result) {
        Instance current = registry.find(id).orElse(null);
        if (current == null
                || !checkedHandle.equals(current.handle())
                || current.state() == InstanceState.RESTARTING
                || current.state() == InstanceState.FAILED) {
            return;
        }
        if (result.healthy()) {
            failures.remove(id);
            transition(current, InstanceState.HEALTHY, result.detail());
            return;
        }
        if (result.warming()
                && (current.state() == InstanceState.STARTING || current.state() == InstanceState.INDEXING)) {
            warming(current, result);
            return;
        }
        int failed = failures.merge(id, 1, Integer::sum);
        switch (current.state()) {
            case STARTING, INDEXING -> {
                boolean tooLong = clock.instant().isAfter(current.startedAt().plus(properties.startupTimeout()));
                if (!canServe || tooLong) {
                    scheduleRestart(
                            current,
                            tooLong
                                    ? "not healthy within "
                                            + properties.startupTimeout().toSeconds() + " s: " + result.detail()
                                    : result.detail());
                } else {
                    registry.update(id, i -> i.withState(current.state(), "waiting: " + result.detail()));
                }
            }
            case HEALTHY, UNHEALTHY -> {
                Instance unhealthy = transition(current, InstanceState.UNHEALTHY, result.detail());
                if (!canServe || failed >= properties.health().unhealthyThreshold()) {
                    scheduleRestart(unhealthy, result.detail());
                }
            }
            default -> {}
        }
    }

    /** The backend runs and gets ready (indexes the workspace): INDEXING, within the profile's warm-up time. */
    private void warming(Instance current, HealthResult result) {
        failures.remove(current.id());
        Duration warmup = profiles.get(current.profile()).warmupTimeout();
        if (clock.instant().isAfter(current.startedAt().plus(warmup))) {
            String allowed = warmup.toSeconds() > 0 ? warmup.toSeconds() + " s" : warmup.toMillis() + " ms";
            scheduleRestart(
                    current,
                    "still getting ready after " + allowed + " (the profile's warmup-timeout): " + result.detail());
        } else if (current.state() == InstanceState.INDEXING) {
            registry.update(current.id(), i -> i.withState(InstanceState.INDEXING, result.detail()));
        } else {
            transition(current, InstanceState.INDEXING, result.detail());
        }
    }

    private void scheduleRestart(Instance instance, String reason) {
        var restart = properties.restart();
        if (instance.restartCount() >= restart.maxRestarts()) {
            transition(
                    instance,
                    InstanceState.FAILED,
                    "gave up after " + instance.restartCount() + " restarts: " + reason);
            runtimes.of(instance.engine()).remove(instance.handle());
            return;
        }
        Duration backoff = backoff(instance.restartCount());
        restartAt.put(instance.id(), clock.instant().plus(backoff));
        transition(instance, InstanceState.RESTARTING, reason + "; restart in " + backoff.toMillis() + " ms");
    }

    Duration backoff(int restartsSoFar) {
        var restart = properties.restart();
        long factor = 1L << Math.min(restartsSoFar, 20);
        Duration wait = restart.initialBackoff().multipliedBy(factor);
        return wait.compareTo(restart.maxBackoff()) > 0 ? restart.maxBackoff() : wait;
    }

    private void restartWhenDue(Instance instance) {
        if (clock.instant().isBefore(restartAt.getOrDefault(instance.id(), Instant.MIN))) {
            return;
        }
        underLock(instance.id(), () -> {
            Instance current = registry.find(instance.id()).orElse(null);
            if (current == null || current.state() != InstanceState.RESTARTING) {
                return;
            }
            InstanceRuntime runtime = runtimes.of(current.engine());
            try {
                workspaces.recheck(current.workspace());
            } catch (WorkspaceNotAllowedException | InvalidRequestException e) {
                transition(current, InstanceState.FAILED, "not restarted: " + e.getMessage());
                runtime.remove(current.handle());
                return;
            }
            try {
                Instance relocated = relocateIfTaken(current, runtime);
                RuntimeHandle handle = runtime.restart(current.handle(), launchSpecs.of(relocated));
                registry.update(current.id(), i -> i.restarted(handle, clock.instant()));
                failures.remove(current.id());
                restartAt.remove(current.id());
                metrics.restarted(current.clientId());
                events.publish(
                        InstanceEvent.Type.RESTARTED,
                        current.id(),
                        current.clientId(),
                        InstanceState.RESTARTING,
                        InstanceState.STARTING,
                        "restart " + (current.restartCount() + 1) + " of at most "
                                + properties.restart().maxRestarts());
            } catch (RuntimeException e) {
                if (PortTakenMeanwhile.isCauseOf(e)) {
                    displaced.add(current.id());
                }
                Instance counted = registry.update(
                                current.id(),
                                i -> i.restarted(current.handle(), clock.instant())
                                        .withState(InstanceState.RESTARTING, "restart failed"))
                        .orElse(current);
                scheduleRestart(counted, "restart failed: " + e.getMessage());
            }
        });
    }

    /**
     * An instance another program took a port of restarts on new ports: its own may never come back to it. That was
     * seen by a check (the program may have stepped away since), or is seen now.
     */
    private Instance relocateIfTaken(Instance current, InstanceRuntime runtime) {
        boolean seen = displaced.remove(current.id());
        if (!seen
                && takenPort(runtime.portHolders(current.handle(), current.ports()))
                        .isEmpty()) {
            return current;
        }
        var profile = profiles.get(current.profile());
        Map<String, Integer> moved = ports.relocate(current.id(), profile.portNames());
        log.warn(
                "instance {} of {} restarts on ports {}: another program took one of {}",
                current.id(),
                current.clientId(),
                moved,
                current.ports());
        return registry.update(current.id(), i -> i.withPorts(moved, launchSpecs.mcpUrl(current.profile(), moved)))
                .orElseThrow(() -> new IllegalStateException("instance " + current.id() + " was removed"));
    }

    private Instance transition(Instance current, InstanceState to, String detail) {
        InstanceState from = current.state();
        Instance next =
                registry.update(current.id(), i -> i.withState(to, detail)).orElse(current);
        if (from != to) {
            InstanceEvent.Type type =
                    to == InstanceState.FAILED ? InstanceEvent.Type.FAILED : InstanceEvent.Type.STATE_CHANGED;
            events.publish(type, current.id(), current.clientId(), from, to, detail);
        }
        return next;
    }

    private void underLock(String id, Runnable action) {
        ReentrantLock lock = registry.lockOf(id);
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
