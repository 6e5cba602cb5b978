package io.devopsparadise.instances.health;

import java.time.Duration;
import java.util.Map;

/**
 * One way to ask a running instance whether it serves. Implementations never throw: a failure is a result.
 * Built through {@link HealthChecks}.
 */
public interface HealthCheck {

    /**
     * @param ports   the instance's host ports by name, reachable on 127.0.0.1
     * @param timeout the whole check gives up after this long
     */
    HealthResult check(Map<String, Integer> ports, Duration timeout);

    /** In words, for logs and the API: "GET :dashboard/heartbeat". */
    String describe();
}
