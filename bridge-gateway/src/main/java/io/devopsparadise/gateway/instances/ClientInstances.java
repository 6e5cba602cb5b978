package io.devopsparadise.gateway.instances;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Each client's instance: looked up or provisioned on first use, then cached. The cache follows the
 * instance-manager's event stream, so a restarted (perhaps moved) or deleted instance is noticed at once, and listeners
 * (the session layer) hear about restarts to re-initialize backend sessions.
 */
@Component
public class ClientInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClientInstances.class);

    private final InstanceManagerClient manager;
    private final GatewayProperties properties;
    private final Clock clock;
    private final Map<String, Mono<InstanceView>> byClient = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();
    private final Sinks.Many<String> restarts = Sinks.many().multicast().directBestEffort();
    private final SseFollower events;
    private volatile boolean running;

    public ClientInstances(InstanceManagerClient manager, GatewayProperties properties, Clock clock) {
        this.manager = manager;
        this.properties = properties;
        this.clock = clock;
        this.events = manager.followEvents(this::catchUp, this::onEvent);
    }

    /** The client's healthy instance, provisioning it when it has none. Concurrent callers share one provisioning. */
    public Mono<InstanceView> ensure(Client client) {
        return byClient.computeIfAbsent(
                client.id(),
                id -> lookUpOrProvision(client)
                        .doOnError(e -> byClient.remove(id))
                        .cache(view -> Duration.ofDays(365), e -> Duration.ZERO, () -> Duration.ZERO));
    }

    private Mono<InstanceView> lookUpOrProvision(Client client) {
        return lookUp(client).switchIfEmpty(Mono.defer(() -> provision(client)));
    }

    private Mono<InstanceView> lookUp(Client client) {
        return manager.findByClient(client.id())
                .filter(view -> view.state() != InstanceState.FAILED)
                .flatMap(view -> view.state() == InstanceState.HEALTHY ? Mono.just(view) : awaitHealthy(view));
    }

    /**
     * Gateway replicas share the manager: two of them may provision one client's first sessions at the same moment.
     * The manager keeps one instance and answers the other 409, which then waits for that instance.
     */
    private Mono<InstanceView> provision(Client client) {
        return manager.provision(client.id(), client.workspace(), client.backendProfile(), client.limits())
                .onErrorResume(
                        error -> error instanceof InstanceUnavailableException refused
                                && refused.status() == HttpStatus.CONFLICT.value(),
                        conflict -> lookUp(client).switchIfEmpty(Mono.error(conflict)));
    }

    private Mono<InstanceView> awaitHealthy(InstanceView starting) {
        return manager.findByClient(starting.clientId())
                .filter(view -> view.state() == InstanceState.HEALTHY)
                .repeatWhenEmpty(repeat -> repeat.delayElements(Duration.ofMillis(200)))
                .timeout(properties.provisionTimeout(), Mono.defer(() -> notHealthyInTime(starting)));
    }

    /** Says where the instance stands: one still indexing its workspace is worth another try soon (503), not a 504. */
    private Mono<InstanceView> notHealthyInTime(InstanceView starting) {
        String waited = " after " + properties.provisionTimeout().toSeconds() + " s";
        return manager.findByClient(starting.clientId())
                .defaultIfEmpty(starting)
                .onErrorReturn(starting)
                .flatMap(view -> Mono.error(
                        view.state() == InstanceState.INDEXING
                                ? new InstanceUnavailableException(
                                        "instance of " + view.clientId() + " is still indexing the workspace" + waited
                                                + " (" + view.health() + "); try again in a moment",
                                        503,
                                        null)
                                : new InstanceUnavailableException(
                                        "instance of " + view.clientId() + " did not become healthy" + waited + " ("
                                                + view.state() + ": " + view.health() + ")",
                                        504,
                                        null)));
    }

    /** Forgets the cached instance, so that the next request looks it up again. */
    public void forget(String clientId) {
        byClient.remove(clientId);
    }

    /** Reports activity to the instance-manager, at most once per activity interval per client. */
    public void touch(InstanceView instance) {
        Instant now = clock.instant();
        Instant last = lastActivity.get(instance.id());
        if (last != null && now.isBefore(last.plus(properties.activityInterval()))) {
            return;
        }
        lastActivity.put(instance.id(), now);
        manager.recordActivity(instance.id())
                .subscribe(
                        ok -> {},
                        error -> log.debug("activity of {} not recorded: {}", instance.id(), error.toString()));
    }

    public void onRestart(Consumer<String> clientIdListener) {
        restarts.asFlux().subscribe(clientIdListener);
    }

    private void onEvent(InstanceEvent event) {
        switch (event.type()) {
            // a dead instance's port is free for any program to take: calls wait until it is healthy again, on the
            // port it then has
            case STATE_CHANGED -> {
                if (event.to() == InstanceState.RESTARTING) {
                    forget(event.clientId());
                }
            }
            // a restarted instance may listen on new ports: another program could have taken its old ones
            case RESTARTED, DELETED, REAPED, FAILED -> {
                forget(event.clientId());
                restarts.tryEmitNext(event.clientId());
            }
            default -> {}
        }
    }

    /**
     * At every connection to the event stream: a cached instance the manager no longer has, or has replaced or failed
     * (events the stream could not replay, such as those of a manager that restarted), is forgotten, and its sessions
     * re-initialize.
     */
    void catchUp() {
        byClient.forEach((clientId, cached) -> cached.zipWith(
                        manager.findByClient(clientId).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .subscribe(
                        known -> {
                            Optional<InstanceView> now = known.getT2();
                            if (now.isEmpty()
                                    || !now.get().id().equals(known.getT1().id())
                                    || !java.util.Objects.equals(
                                            now.get().mcpUrl(), known.getT1().mcpUrl())
                                    || now.get().state() == InstanceState.FAILED) {
                                forget(clientId);
                                restarts.tryEmitNext(clientId);
                            }
                        },
                        error -> log.debug(
                                "instance of {} not checked after reconnecting: {}", clientId, error.toString())));
    }

    @Override
    public void start() {
        events.start();
        running = true;
    }

    @Override
    public void stop() {
        events.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
