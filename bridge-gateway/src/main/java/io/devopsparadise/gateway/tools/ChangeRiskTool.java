package io.devopsparadise.gateway.tools;

import io.devopsparadise.gateway.clients.Client;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code paradise_change_risk}: the risk that a change of the caller's workspace introduces a bug, with the factors that
 * raise it, from a model trained on the repository's own history.
 */
@Component
class ChangeRiskTool implements GatewayTool {

    private final QualityOrchestratorClient orchestrator;

    ChangeRiskTool(QualityOrchestratorClient orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "paradise_change_risk";
    }

    @Override
    public String description() {
        return "Risk that a change introduces a bug, 0-100%, ranked against the repository's own commits, with the factors that raise it"
                + " (size, spread, past fixes in the files, the author's experience with them). The working tree against HEAD by default;"
                + " or one commit, or a range from..to. Trained on the repository's history (SZZ), or a stated heuristic for short histories.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "commit", Map.of("type", "string", "description", "one commit (id, branch or tag)"),
                        "from", Map.of("type", "string", "description", "start of a range"),
                        "to", Map.of("type", "string", "description", "end of a range (HEAD by default)")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        for (String name : new String[] {"commit", "from", "to"}) {
            JsonNode value = arguments.path(name);
            if (!value.isMissingNode() && !value.isNull() && !value.isString()) {
                return Mono.just(ToolResult.error(
                        name + " must be a commit, branch or tag name given as a string, such as \"HEAD~1\""));
            }
        }
        return orchestrator
                .changeRisk(client.id(), text(arguments, "commit"), text(arguments, "from"), text(arguments, "to"))
                .map(answer -> ToolResult.ok(summary(answer), answer));
    }

    private static String text(JsonNode arguments, String name) {
        return arguments.path(name).asString(null);
    }

    static String summary(JsonNode answer) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Risk of %s: %.0f%% (%s: above %.0f%% of this repository's %d commits).%n",
                answer.path("change").asString(),
                100 * answer.path("risk").asDouble(),
                answer.path("level").asString(),
                answer.path("percentile").asDouble(),
                answer.path("historyCommits").asInt()));
        text.append(String.format(
                Locale.ROOT,
                "Change: %d file(s), +%d -%d lines.%nMethod: %s.%nTop factors (log-odds against a typical change):%n",
                answer.path("files").asInt(),
                answer.path("linesAdded").asInt(),
                answer.path("linesDeleted").asInt(),
                answer.path("method").asString()));
        for (JsonNode factor : answer.path("factors")) {
            text.append(String.format(
                    Locale.ROOT,
                    "- %s: %s (typical %s) %+.2f%n",
                    factor.path("description").asString(),
                    number(factor.path("value").asDouble()),
                    number(factor.path("typical").asDouble()),
                    factor.path("contribution").asDouble()));
        }
        JsonNode coverage = answer.path("coverage");
        if (coverage.isObject()) {
            text.append(String.format(
                    Locale.ROOT,
                    "Tests ran %d of its %d changed lines (%s) in run %s; coverage is evidence, not a factor of the model.%n",
                    coverage.path("covered").asInt(),
                    coverage.path("lines").asInt(),
                    coverage.path("percent").isNumber()
                            ? number(coverage.path("percent").asDouble()) + "%"
                            : "no measured line",
                    coverage.path("runId").asString()));
        }
        return text.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
