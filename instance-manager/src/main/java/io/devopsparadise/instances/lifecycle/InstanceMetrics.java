package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.health.HealthResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Instances by state, each instance's state, restarts per client, and health-check latency, for /actuator/prometheus.
 * The alerting rules in docker/monitoring read {@code paradise_instance_state} and
 * {@code paradise_instances_restarts_total}.
 */
@Component
class InstanceMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InstanceMetrics.class);

    private final MeterRegistry meters;
    private final InstanceRegistry registry;
    private final MultiGauge instanceStates;
    private final AutoCloseable subscription;

    InstanceMetrics(MeterRegistry meters, InstanceRegistry registry, InstanceEventBus events) {
        this.meters = meters;
        this.registry = registry;
        for (InstanceState state : InstanceState.values()) {
            Gauge.builder(
                            "paradise.instances",
                            registry,
                            r -> r.all().stream()
                                    .filter(i -> i.state() == state)
                                    .count())
                    .description("Instances by lifecycle state")
                    .tag("state", state.name())
                    .register(meters);
        }
        this.instanceStates = MultiGauge.builder("paradise.instance.state")
                .description("1 for each instance, labelled with its client and its lifecycle state")
                .register(meters);
        refreshInstanceStates();
        // every change of an instance is published after the registry holds it
        this.subscription = events.subscribe(Long.MAX_VALUE, event -> refreshInstanceStates());
    }

    /**
     * One refresh at a time, from the registry as it is now: events are published on several threads, and a refresh
     * from an older reading must not replace a newer one. It never throws: the event bus drops a subscriber that does.
     */
    private synchronized void refreshInstanceStates() {
        try {
            instanceStates.register(
                    registry.all().stream()
                            .map(instance -> MultiGauge.Row.of(
                                    Tags.of(
                                            "client", instance.clientId(),
                                            "instance_id", instance.id(),
                                            "state", instance.state().name()),
                                    1))
                            .toList(),
                    false);
        } catch (RuntimeException e) {
            log.warn("instance state metrics not refreshed reason=\"{}\"", e.getMessage());
        }
    }

    void restarted(String clientId) {
        Counter.builder("paradise.instances.restarts")
                .description("Instance restarts by the health monitor")
                .tag("client", clientId)
                .register(meters)
                .increment();
    }

    void checked(String profile, HealthResult result) {
        Timer.builder("paradise.instances.health.check")
                .description("Latency of instance health checks")
                .tag("profile", profile)
                .tag("outcome", result.healthy() ? "healthy" : "unhealthy")
                .register(meters)
                .record(result.latency());
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
    }
}
