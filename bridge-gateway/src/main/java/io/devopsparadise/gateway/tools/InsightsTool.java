package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code paradise_insights}: where the caller's workspace is riskiest to change (its hotspots, with their evidence) and
 * the risk of its uncommitted change.
 */
@Component
class InsightsTool implements GatewayTool {

    private static final int DEFAULT_LIMIT = 5;
    private static final int MAX_LIMIT = 20;

    private final QualityOrchestratorClient orchestrator;

    InsightsTool(QualityOrchestratorClient orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "paradise_insights";
    }

    @Override
    public String description() {
        return "What is worth doing in your workspace, ranked by expected payoff with its evidence (tests for uncovered hotspots, flaky tests,"
                + " recurring rules, slow tests, changed lines below the profile's coverage); its hotspots (files that change often and are"
                + " complex, with commits, cyclomatic complexity, coverage and findings); and the risk of your working tree's change.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "limit",
                        Map.of(
                                "type",
                                "integer",
                                "minimum",
                                1,
                                "maximum",
                                MAX_LIMIT,
                                "description",
                                "hotspots listed (5 by default)")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        JsonNode limitArgument = arguments.path("limit");
        int limit = limitArgument.isMissingNode() || limitArgument.isNull() ? DEFAULT_LIMIT : limitArgument.asInt(-1);
        if (!limitArgument.isMissingNode()
                && !limitArgument.isNull()
                && (!limitArgument.isIntegralNumber() || limit < 1 || limit > MAX_LIMIT)) {
            return Mono.just(ToolResult.error("limit must be a whole number from 1 to " + MAX_LIMIT));
        }
        return orchestrator
                .insights(client.id(), limit)
                .map(overview -> ToolResult.ok(
                        recommendations(overview.path("recommendations"))
                                + "\n" + hotspots(overview.path("hotspots")) + "\n"
                                + ChangeRiskTool.summary(overview.path("workingTreeRisk"))
                                + "\n" + gaps(overview.path("coverageGaps")),
                        overview));
    }

    static String recommendations(JsonNode answer) {
        StringBuilder text = new StringBuilder("Recommended, highest payoff first:\n");
        if (answer.path("recommendations").isEmpty()) {
            text.append("- nothing yet\n");
        }
        for (JsonNode item : answer.path("recommendations")) {
            text.append(String.format(
                    Locale.ROOT,
                    "- %s (payoff %.2f; %s)%n",
                    item.path("title").asString(),
                    item.path("payoff").asDouble(),
                    item.path("evidence").asString()));
        }
        for (JsonNode missing : answer.path("missing")) {
            text.append("  note: ").append(missing.asString()).append('\n');
        }
        return text.toString();
    }

    static String gaps(JsonNode answer) {
        if (answer.path("why").isString()) {
            return "Changed lines no test ran: not known (" + answer.path("why").asString() + ").\n";
        }
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Changed lines no test ran (%d of %d changed lines covered):%n",
                answer.path("covered").asInt(),
                answer.path("changedLines").asInt()));
        if (answer.path("gaps").isEmpty()) {
            text.append("- none\n");
        }
        for (JsonNode gap : answer.path("gaps")) {
            text.append(String.format(
                    Locale.ROOT,
                    "- %s %s, lines %s: its test most likely goes in %s%n",
                    gap.path("file").asString(),
                    gap.path("function").isString() ? gap.path("function").asString() : "(outside functions)",
                    gap.path("lines"),
                    gap.path("testFile").isString() ? gap.path("testFile").asString() : "(no test file found)"));
        }
        return text.toString();
    }

    static String hotspots(JsonNode answer) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Hotspots (churn: commits in the %d days before the newest commit; complexity: %s; coverage and findings: %s):%n",
                answer.path("windowDays").asInt(),
                answer.path("complexity").asString(),
                answer.path("coverageRun").isString()
                        ? "run " + answer.path("coverageRun").asString()
                        : "no stored run yet"));
        if (answer.path("hotspots").isEmpty()) {
            text.append("- none ranked\n");
        }
        for (JsonNode hotspot : answer.path("hotspots")) {
            JsonNode covered = hotspot.path("coveredPercent");
            text.append(String.format(
                    Locale.ROOT,
                    "- %s: score %.2f, %d commits, complexity %d (highest %d in %s), coverage %s, %d findings%n",
                    hotspot.path("file").asString(),
                    hotspot.path("score").asDouble(),
                    hotspot.path("commits").asInt(),
                    hotspot.path("complexity").asInt(),
                    hotspot.path("highest").asInt(),
                    hotspot.path("mostComplex").asString(),
                    covered.isNumber() ? String.format(Locale.ROOT, "%.0f%%", covered.asDouble()) : "not measured",
                    hotspot.path("findings").asInt()));
        }
        return text.toString();
    }
}
