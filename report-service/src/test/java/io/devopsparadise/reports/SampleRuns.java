package io.devopsparadise.reports;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.runs.StoredRun;
import io.devopsparadise.reports.score.Scoring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The two sample runs in src/test/resources/runs (a standard run, then a comprehensive one of the same workspace). */
public final class SampleRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleRuns() {}

    /**
     * The comprehensive sample run as a changed-only run: pytest ran by a test plan (2 of 5 known tests, measured from
     * main) and bandit's result was reused from run-0001.
     */
    public static QualityRunResult planned() {
        QualityRunResult run = result("current");
        TestPlan plan = new TestPlan(
                "pytest",
                "changed",
                "main",
                false,
                2,
                5,
                List.of(
                        "calc.py changed: 2 test(s) cover its changed blocks",
                        "test_calc.py::test_add_is_wrong failed last time"),
                List.of("calc.py::add", "calc.py::Calculator.power"),
                List.of("test_calc.py::test_add_is_wrong", "test_calc.py::test_add"),
                1,
                850,
                850,
                4_200,
                "pytest: 2 of 5 test(s) selected, 3 skipped, expected 0.9 s on 1 worker(s) (full suite 4.2 s): "
                        + "calc.py changed: 2 test(s) cover its changed blocks; test_calc.py::test_add_is_wrong failed last time");
        return withPlans(
                run,
                run.tools().stream()
                        .map(t -> t.tool().equals("bandit") ? t.cachedFrom("run-0001") : t)
                        .toList(),
                List.of(plan));
    }

    /** The same run with other tool outcomes and test plans. */
    public static QualityRunResult withPlans(QualityRunResult run, List<ToolOutcome> tools, List<TestPlan> plans) {
        return new QualityRunResult(
                run.id(),
                run.clientId(),
                run.workspace(),
                run.profile(),
                run.state(),
                run.startedAt(),
                run.finishedAt(),
                tools,
                run.verdict(),
                run.gitCommit(),
                run.gitBranch(),
                run.baseline(),
                run.changedLinesCoverage(),
                run.semantic(),
                plans);
    }

    public static QualityRunResult result(String name) {
        try (InputStream in = SampleRuns.class.getResourceAsStream("/runs/" + name + ".json")) {
            return JSON.readValue(in, QualityRunResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run as the store keeps it: summarized and scored. */
    public static StoredRun stored(String name) {
        return stored(result(name));
    }

    /** A run as the store keeps it: summarized and scored. */
    public static StoredRun stored(QualityRunResult result) {
        RunSummary summary = RunSummary.of(result);
        QualityScore score = Scoring.of(result, summary);
        return new StoredRun(summary.scored(score.value(), score.grade()), score, result);
    }
}
