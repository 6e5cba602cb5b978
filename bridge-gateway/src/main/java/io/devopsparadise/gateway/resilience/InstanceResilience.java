package io.devopsparadise.gateway.resilience;

import io.devopsparadise.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-client resilience: a circuit breaker around the client's instance, a retry for the moments it is
 * (re)starting and refuses connections, and a rate limit on the client's requests.
 */
@Component
public class InstanceResilience {

    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final Retry retryWhileStarting;
    /** Permits a second per client; 0 when there is no limit. */
    private final int limitPerSecond;

    public InstanceResilience(GatewayProperties properties, MeterRegistry meters) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        this.limitPerSecond = properties.rateLimit();
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, properties.rateLimit()))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.retryWhileStarting = Retry.of(
                "instance-starting",
                RetryConfig.custom()
                        .maxAttempts(8)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                Duration.ofMillis(100), 2.0, Duration.ofSeconds(2)))
                        .retryOnException(InstanceResilience::neverReachedTheBackend)
                        .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
    }

    /**
     * The request failed before any response: the connection was refused, or reset or closed by a backend that was
     * restarting (Docker's port proxy accepts connections before the server inside listens, then resets them), or
     * Reactor Netty's pool found the connections it took closed before it sent anything on them. Such a request never
     * ran on a live backend, so sending it again — to the restarted one — cannot run it twice.
     */
    static boolean neverReachedTheBackend(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.ConnectException
                    || cause instanceof reactor.netty.http.client.PrematureCloseException
                            && message.contains("BEFORE response")
                    || cause instanceof java.io.IOException && message.contains("Connection reset")
                    || cause instanceof java.io.IOException && message.startsWith("Error while acquiring from")) {
                return true;
            }
        }
        return false;
    }

    public CircuitBreaker breakerOf(String clientId) {
        return breakers.circuitBreaker(clientId);
    }

    /** Takes one permit of the client's rate limit; false when the client is over it. */
    public boolean admit(String clientId) {
        return admit(clientId, 1);
    }

    /** Takes permits of the client's rate limit at once; false when the client is over it, or asks more than it holds. */
    public boolean admit(String clientId, int permits) {
        return limitPerSecond == 0
                || permits <= limitPerSecond && limiters.rateLimiter(clientId).acquirePermission(permits);
    }

    public Retry retryWhileStarting() {
        return retryWhileStarting;
    }

    public void forget(String clientId) {
        breakers.remove(clientId);
        limiters.remove(clientId);
    }
}
