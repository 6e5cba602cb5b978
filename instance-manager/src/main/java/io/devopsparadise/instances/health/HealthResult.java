package io.devopsparadise.instances.health;

import java.time.Duration;

/**
 * The outcome of one health check.
 *
 * @param warming the backend runs but is still getting ready (a language server indexing the workspace): neither
 *                healthy nor failing
 */
public record HealthResult(boolean healthy, boolean warming, String detail, Duration latency) {

    public static HealthResult healthy(String detail, Duration latency) {
        return new HealthResult(true, false, detail, latency);
    }

    public static HealthResult warming(String detail, Duration latency) {
        return new HealthResult(false, true, detail, latency);
    }

    public static HealthResult unhealthy(String detail, Duration latency) {
        return new HealthResult(false, false, detail, latency);
    }
}
