package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.gateway.clients.Client;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code paradise_quality_run}: starts a quality run of the caller's workspace inside its instance. */
@Component
class QualityRunTool implements GatewayTool {

    /** How long the answer waits for the test plan, which the run makes once it has asked the instance what changed. */
    static final Duration PLAN_WAIT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(500);

    private final QualityOrchestratorClient orchestrator;

    QualityRunTool(QualityOrchestratorClient orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "paradise_quality_run";
    }

    @Override
    public String description() {
        return "Start a quality run (tests with coverage, lint, security) of your workspace in your instance. "
                + "With changed: true only the tests your change can break run (test impact analysis), failures first; "
                + "the answer shows that test plan. Follow the run with paradise_quality_status.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "profile",
                                Map.of(
                                        "type",
                                        "string",
                                        "description",
                                        "quick, targeted (changed tests only), standard or comprehensive (default: your client's profile)"),
                        "changedFiles",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of("type", "string"),
                                        "description",
                                        "limit lint and security to these files (relative to the workspace)"),
                        "changed",
                                Map.of(
                                        "type",
                                        "boolean",
                                        "description",
                                        "run only the tests your change can break (default false)"),
                        "base",
                                Map.of(
                                        "type",
                                        "string",
                                        "description",
                                        "measure the change from the merge-base with this branch or commit, as a pull request is (implies changed)")));
    }

    @Override
    public Mono<ToolResult> call(Client client, JsonNode arguments) {
        String profile = arguments.path("profile").asString(client.qualityProfile());
        List<String> changed = arguments
                .path("changedFiles")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        JsonNode baseArgument = arguments.path("base");
        if (!baseArgument.isMissingNode() && !baseArgument.isNull() && !baseArgument.isString()) {
            return Mono.just(ToolResult.error(
                    "base must be a branch, tag or commit name given as a string, such as \"main\"; got "
                            + baseArgument));
        }
        String base = baseArgument.isString() ? baseArgument.asString() : null;
        boolean changedOnly = arguments.path("changed").asBoolean(false) || base != null;
        return orchestrator
                .start(client.id(), profile, changed, changedOnly, base)
                .flatMap(run -> changedOnly
                        ? plans(run.id()).map(plans -> answer(run, plans))
                        : Mono.just(answer(run, List.of())));
    }

    /** The run's test plans, once made (or whatever is known after {@link #PLAN_WAIT}). */
    private Mono<List<TestPlan>> plans(String runId) {
        return Flux.interval(Duration.ZERO, POLL)
                .concatMap(tick -> orchestrator.get(runId).defaultIfEmpty(EMPTY))
                .filter(digest -> !digest.plans().isEmpty() || digest.state().isFinished())
                .next()
                .map(RunDigest::plans)
                .timeout(PLAN_WAIT, Mono.just(List.of()));
    }

    private static ToolResult answer(QualityRunResult run, List<TestPlan> plans) {
        StringBuilder text =
                new StringBuilder("Started quality run " + run.id() + " with profile " + run.profile() + ".");
        plans.forEach(plan -> text.append("\nTest plan — ").append(plan.summary()));
        text.append("\nAsk paradise_quality_status for progress and results.");
        Map<String, Object> structured = new java.util.LinkedHashMap<>(
                Map.of("runId", run.id(), "state", run.state().name()));
        if (!plans.isEmpty()) {
            structured.put("plans", plans);
        }
        return ToolResult.ok(text.toString(), structured);
    }

    private static final RunDigest EMPTY = new RunDigest(
            "-",
            null,
            null,
            null,
            io.devopsparadise.contracts.quality.RunState.QUEUED,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            false,
            null,
            0,
            0,
            List.of());
}
