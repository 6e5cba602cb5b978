package io.devopsparadise.instances.health;

import java.time.Duration;

/** The outcome of one health check. */
public record HealthResult(boolean healthy, String detail, Duration latency) {

    public static HealthResult healthy(String detail, Duration latency) {
        return new HealthResult(true, detail, latency);
    }

    public static HealthResult unhealthy(String detail, Duration latency) {
        return new HealthResult(false, detail, latency);
    }
}
