package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String client, String method, String status) {}

    McpMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public Mono<ServerResponse> time(Client client, String method, Mono<ServerResponse> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doOnSuccess(response -> sample.stop(timer(
                            client,
                            method,
                            response == null
                                    ? "none"
                                    : statusTag(response.statusCode().value()))))
                    .doOnError(error -> sample.stop(timer(client, method, "error")));
        });
    }

    /** A backend's status is relayed as it came; only the standard ones become tags. */
    private static String statusTag(int status) {
        return HttpStatus.resolve(status) == null ? "other" : String.valueOf(status);
    }

    private Timer timer(Client client, String method, String status) {
        return timers.computeIfAbsent(
                new Key(client.id(), KnownMethods.tagOf(method), status),
                key -> Timer.builder("paradise.gateway.requests")
                        .description("MCP requests through the gateway, until the response starts")
                        .tag("client", key.client())
                        .tag("method", key.method())
                        .tag("status", key.status())
                        .register(meters));
    }
}
