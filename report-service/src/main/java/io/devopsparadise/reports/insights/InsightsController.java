package io.devopsparadise.reports.insights;

import io.devopsparadise.reports.input.InputRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/insights")
@Tag(name = "insights", description = "What a client's stored runs say beyond one run")
class InsightsController {

    private final ClientInsightsService insights;
    private final Clock clock;

    InsightsController(ClientInsightsService insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "Flaky tests (flake rate, first and last seen, evidence), recurring rules by file and directory, technical"
                            + " debt with its trend, and performance regressions, over the client's newest runs (paradise.reports.insights.runs)")
    ClientInsights of(@RequestParam String clientId) {
        return insights.of(InputRules.clientName("clientId", clientId), clock.instant());
    }
}
