package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Latency per client and method ({@code paradise.gateway.requests}), with the HTTP status as outcome. */
@Component
public class McpMetrics {

    private final MeterRegistry meters;

    McpMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public Mono<ServerResponse> time(Client client, String method, Mono<ServerResponse> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doOnSuccess(response -> sample.stop(timer(client, method, response == null ? "none" : String.valueOf(response.statusCode().value()))))
                    .doOnError(error -> sample.stop(timer(client, method, "error")));
        });
    }

    private Timer timer(Client client, String method, String status) {
        return Timer.builder("paradise.gateway.requests")
                .description("MCP requests through the gateway, until the response starts")
                .tag("client", client.id())
                .tag("method", method == null ? "unknown" : method)
                .tag("status", status)
                .register(meters);
    }
}
