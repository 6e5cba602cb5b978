package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.usage.UsageRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Latency per client and method ({@code paradise.gateway.requests}), with the HTTP status as outcome. The method
 * tag takes only the values of {@link KnownMethods#TAGS}: a client choosing method names cannot create meters.
 */
@Component
class McpMetrics {

    private final MeterRegistry meters;
    private final UsageRecorder usage;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    private static final Duration[] LATENCY_BUCKETS = LongStream.of(
                    1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new);

    private record Key(String client, String method, String status) {}

    McpMetrics(MeterRegistry meters, UsageRecorder usage) {
        this.meters = meters;
        this.usage = usage;
    }

    /** Times one message's answer; a {@code tools/call} also counts for its tool in the client's usage. */
    public Mono<ServerResponse> time(Client client, McpMessage message, Mono<ServerResponse> call) {
        String method = message.method();
        return time(client, method, "tools/call".equals(method) ? message.target() : null, call);
    }

    public Mono<ServerResponse> time(Client client, String method, Mono<ServerResponse> call) {
        return time(client, method, null, call);
    }

    /** @param tool the tool of a {@code tools/call}, counted in the client's usage; null for other methods */
    public Mono<ServerResponse> time(Client client, String method, String tool, Mono<ServerResponse> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doOnSuccess(response -> stop(
                            sample,
                            client,
                            method,
                            tool,
                            response == null
                                    ? "none"
                                    : statusTag(response.statusCode().value())))
                    .doOnError(error -> stop(sample, client, method, tool, "error"));
        });
    }

    private void stop(Timer.Sample sample, Client client, String method, String tool, String status) {
        String methodTag = KnownMethods.tagOf(method);
        long nanos = sample.stop(timer(client, methodTag, status));
        latency.computeIfAbsent(methodTag, this::latencyHistogram).record(nanos, TimeUnit.NANOSECONDS);
        usage.request(client.id(), tool, failed(status));
    }

    /** No answer, or an HTTP error: a JSON-RPC error inside a 200 is the backend's answer, not the gateway's failure. */
    private static boolean failed(String status) {
        return !status.startsWith("1") && !status.startsWith("2") && !status.startsWith("3");
    }

    /**
     * Latency by method alone, with buckets for quantiles ({@code histogram_quantile} in the p99 alerting rule): per
     * client, buckets would multiply the series by the number of clients.
     */
    private Timer latencyHistogram(String method) {
        return Timer.builder("paradise.gateway.latency")
                .description("MCP requests through the gateway, until the response starts, in buckets")
                .tag("method", method)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meters);
    }

    /** A backend's status is relayed as it came; only the standard ones become tags. */
    private static String statusTag(int status) {
        return HttpStatus.resolve(status) == null ? "other" : String.valueOf(status);
    }

    private Timer timer(Client client, String methodTag, String status) {
        return timers.computeIfAbsent(
                new Key(client.id(), methodTag, status),
                key -> Timer.builder("paradise.gateway.requests")
                        .description("MCP requests through the gateway, until the response starts")
                        .tag("client", key.client())
                        .tag("method", key.method())
                        .tag("status", key.status())
                        .register(meters));
    }
}
