package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TouchedLinesCoverageTests {

    private static final String HEAD = "a".repeat(40);

    @Test
    void aRunOnTheWorkingTreesCommitGivesItsChangedLinesCoverage() {
        ChangedLinesCoverage changed = new ChangedLinesCoverage("b".repeat(40), 8, 3, List.of());

        TouchedLinesCoverage coverage =
                TouchedLinesCoverage.of(Optional.of(run(HEAD, changed)), HEAD).orElseThrow();

        assertThat(coverage)
                .isEqualTo(new TouchedLinesCoverage("run-1", "2026-11-30T05:00:00Z", "b".repeat(40), 8, 3, 37.5));
    }

    @Test
    void aRunOnAnotherCommitSaysNothingOfTheWorkingTree() {
        ChangedLinesCoverage changed = new ChangedLinesCoverage("b".repeat(40), 8, 3, List.of());

        assertThat(TouchedLinesCoverage.of(Optional.of(run("c".repeat(40), changed)), HEAD))
                .isEmpty();
    }

    @Test
    void aRunThatMeasuredNoChangedLinesOrNoRunGivesNothing() {
        assertThat(TouchedLinesCoverage.of(Optional.of(run(HEAD, null)), HEAD)).isEmpty();
        assertThat(TouchedLinesCoverage.of(Optional.empty(), HEAD)).isEmpty();
        assertThat(TouchedLinesCoverage.of(
                        Optional.of(run(HEAD, new ChangedLinesCoverage(HEAD, 0, 0, List.of()))), null))
                .isEmpty();
    }

    @Test
    void noMeasuredChangedLineHasNoPercentage() {
        ChangedLinesCoverage none = new ChangedLinesCoverage(HEAD, 0, 0, List.of());

        assertThat(TouchedLinesCoverage.of(Optional.of(run(HEAD, none)), HEAD)
                        .orElseThrow()
                        .percent())
                .isNull();
    }

    private static QualityRunResult run(String commit, ChangedLinesCoverage changed) {
        Instant started = Instant.parse("2026-11-30T05:00:00Z");
        return new QualityRunResult(
                "run-1",
                "alice",
                "/workspaces/alice",
                "quick",
                RunState.PASSED,
                started,
                started.plusSeconds(9),
                List.of(),
                "passed",
                commit,
                "main",
                null,
                changed,
                null);
    }
}
