package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.instances.health.HealthResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Instances by state, restarts, and health-check latency, for /actuator/prometheus. */
@Component
class InstanceMetrics {

    private final MeterRegistry meters;
    private final Counter restarts;

    InstanceMetrics(MeterRegistry meters, InstanceRegistry registry) {
        this.meters = meters;
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
        this.restarts = Counter.builder("paradise.instances.restarts")
                .description("Instance restarts by the health monitor")
                .register(meters);
    }

    void restarted() {
        restarts.increment();
    }

    void checked(String profile, HealthResult result) {
        Timer.builder("paradise.instances.health.check")
                .description("Latency of instance health checks")
                .tag("profile", profile)
                .tag("outcome", result.healthy() ? "healthy" : "unhealthy")
                .register(meters)
                .record(result.latency());
    }
}
