package io.devopsparadise.gateway.usage;

import io.devopsparadise.contracts.usage.McpUsage;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/usage}: every client's sessions, requests, errors and tool calls. It names clients, so it needs the
 * service credential or the admin token (GatewayAccessFilter).
 */
@RestController
class UsageController {

    private final UsageRecorder usage;

    UsageController(UsageRecorder usage) {
        this.usage = usage;
    }

    @GetMapping("/api/usage")
    Mono<List<McpUsage>> usage() {
        return Mono.fromCallable(usage::usage).subscribeOn(Schedulers.boundedElastic());
    }
}
