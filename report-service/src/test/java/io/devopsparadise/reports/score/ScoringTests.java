package io.devopsparadise.reports.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.SampleRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTests {

    private static QualityScore score(QualityRunResult run) {
        return Scoring.of(run, RunSummary.of(run));
    }

    @Test
    void standardRunWithTwoFailuresHalfCoverageAndAHighFindingScoresD() {
        // tests 1/3, coverage 10/18, findings 1 - (5 + 0.5)/50 = 0.89; weights 40/25/20 of 85
        QualityScore score = score(SampleRuns.result("previous"));

        assertThat(score.components()).containsOnlyKeys("tests", "coverage", "findings");
        assertThat(score.components().get("findings")).isCloseTo(0.89, within(1e-9));
        assertThat(score.value()).isEqualTo(53);
        assertThat(score.grade()).isEqualTo("D");
    }

    @Test
    void comprehensiveRunCountsPerformanceToo() {
        // 0.75·40 + 0.667·25 + 0.75·20 + 0.92·15 = 75.5 of 100
        QualityScore score = score(SampleRuns.result("current"));

        assertThat(score.components()).containsOnlyKeys("tests", "coverage", "findings", "performance");
        assertThat(score.value()).isEqualTo(75);
        assertThat(score.grade()).isEqualTo("B");
    }

    @Test
    void eachErredToolCostsFivePoints() {
        QualityRunResult current = SampleRuns.result("current");
        List<ToolOutcome> tools = new ArrayList<>(current.tools());
        tools.add(ToolOutcome.error("pylint", ToolCategory.LINT, 10, "pylint crashed"));
        tools.add(ToolOutcome.error("jest", ToolCategory.UNIT, 10, "jest timed out"));
        QualityRunResult erred = new QualityRunResult(
                current.id(),
                current.clientId(),
                current.workspace(),
                current.profile(),
                RunState.FAILED,
                current.startedAt(),
                current.finishedAt(),
                tools,
                "",
                null,
                null,
                null,
                null);

        assertThat(score(erred).penalty()).isEqualTo(10);
        assertThat(score(erred).value()).isEqualTo(65);
    }

    @Test
    void aRunThatMeasuredNothingScoresZero() {
        QualityRunResult empty = new QualityRunResult(
                "r",
                "c",
                "/w",
                "quick",
                RunState.PASSED,
                Instant.EPOCH,
                Instant.EPOCH,
                List.of(ToolOutcome.skipped("pytest", ToolCategory.UNIT, "not installed")),
                "",
                null,
                null,
                null,
                null);

        assertThat(score(empty).value()).isZero();
        assertThat(score(empty).grade()).isEqualTo("E");
    }

    @Test
    void gradesHaveFixedBoundaries() {
        assertThat(List.of(100, 90, 89, 75, 74, 60, 59, 40, 39, 0).stream().map(Scoring::grade))
                .containsExactly("A", "A", "B", "B", "C", "C", "D", "D", "E", "E");
    }
}
