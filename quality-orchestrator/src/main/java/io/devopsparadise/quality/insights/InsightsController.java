package io.devopsparadise.quality.insights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/insights")
@Tag(name = "insights", description = "Hotspots and change risk from a client's workspace history")
class InsightsController {

    private static final int MAX_LIMIT = 200;

    private final InsightsService insights;

    InsightsController(InsightsService insights) {
        this.insights = insights;
    }

    @GetMapping("/hotspots")
    @Operation(
            summary =
                    "The workspace's hotspots: churn (commits in the window, from git) times complexity (flake8's mccabe, in the"
                            + " instance), raised by uncovered lines and findings of the latest stored run; highest first, the first `limit` (1-200)")
    HotspotsAnswer hotspots(@RequestParam String clientId, @RequestParam(defaultValue = "10") int limit) {
        checkLimit(limit);
        return insights.hotspots(clientId, limit);
    }

    @GetMapping("/overview")
    @Operation(
            summary =
                    "Hotspots, recommendations (the first `limit` of each) and the working tree's risk, from one measurement:"
                            + " what the dashboard's Insights page and the paradise_insights tool show")
    InsightsOverview overview(@RequestParam String clientId, @RequestParam(defaultValue = "10") int limit) {
        checkLimit(limit);
        return insights.overview(clientId, limit);
    }

    @GetMapping("/recommendations")
    @Operation(
            summary =
                    "What is worth doing, ranked by expected payoff, each with its evidence and the files or tests it is about:"
                            + " tests for uncovered hotspots, flaky tests, recurring rules, slow tests, changed lines below the profile's coverage")
    RecommendationsAnswer recommendations(@RequestParam String clientId, @RequestParam(defaultValue = "10") int limit) {
        checkLimit(limit);
        return insights.recommendations(clientId, limit);
    }

    @GetMapping("/coverage-gaps")
    @Operation(
            summary =
                    "The latest stored run's changed lines no test ran, by function, each with the test file most likely to"
                            + " hold its test (from the test impact map, else by naming convention)")
    CoverageGapsAnswer coverageGaps(@RequestParam String clientId) {
        return insights.coverageGaps(clientId);
    }

    @GetMapping("/change-risk")
    @Operation(
            summary =
                    "The risk that a change introduces a bug, with its top factors: the working tree against HEAD (no"
                            + " parameter), one `commit`, or a range `from`..`to` (to defaults to HEAD). Logistic regression trained on the"
                            + " repository's own history (SZZ labels), or a documented heuristic when the history is short; the answer says which")
    ChangeRiskAnswer changeRisk(
            @RequestParam String clientId,
            @RequestParam(required = false) String commit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return insights.changeRisk(clientId, new RiskTarget(commit, from, to));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
