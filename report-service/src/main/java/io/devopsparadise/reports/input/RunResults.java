package io.devopsparadise.reports.input;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * What a run needs before it is stored, whoever sends it (POST /api/runs or the orchestrator's feed): its id and client
 * name name its report directory, and its fields must fit the run history's columns. A run that breaks a rule is
 * refused with the rule, never half stored.
 */
public final class RunResults {

    /** Runs are stamped by a clock: anything outside these years is a forged or broken run. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private RunResults() {}

    public static QualityRunResult check(QualityRunResult run) {
        InputRules.runId("id", run.id());
        InputRules.clientName("clientId", run.clientId());
        text("workspace", run.workspace(), 4000, true);
        text("profile", run.profile(), 100, true);
        text("gitCommit", run.gitCommit(), 64, false);
        text("gitBranch", run.gitBranch(), 400, false);
        time("startedAt", run.startedAt(), true);
        time("finishedAt", run.finishedAt(), false);
        if (run.baseline() != null && run.baseline().runId() != null) {
            InputRules.runId("baseline.runId", run.baseline().runId());
        }
        for (ToolOutcome tool : run.tools()) {
            if (tool.category() == null) {
                throw new InvalidInputException("a run needs tools[].category");
            }
            if (tool.performance() != null) {
                numbers("tools[].performance.scores", tool.performance().scores());
                numbers("tools[].performance.metrics", tool.performance().metrics());
            }
        }
        return run;
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException("a run needs " + field);
            }
            return;
        }
        if (value.length() > max) {
            throw new InvalidInputException(
                    field + " is " + value.length() + " characters long; at most " + max + " are stored");
        }
    }

    private static void numbers(String field, Map<String, Double> values) {
        values.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new InvalidInputException(
                        field + "." + InputRules.echo(name) + " must be a finite number, got " + value);
            }
        });
    }

    private static void time(String field, Instant value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInputException("a run needs " + field);
            }
            return;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidInputException(
                    field + " must lie between " + EARLIEST + " and " + LATEST + ", got " + value);
        }
    }
}
