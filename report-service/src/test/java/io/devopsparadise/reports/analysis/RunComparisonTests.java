package io.devopsparadise.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.reports.SampleRuns;
import org.junit.jupiter.api.Test;

class RunComparisonTests {

    private static RunComparison previousToCurrent() {
        return RunComparison.of(SampleRuns.stored("previous"), SampleRuns.stored("current"));
    }

    @Test
    void findsNoNewFailuresWhereThereAreNone() {
        assertThat(previousToCurrent().newFailures()).isEmpty();
    }

    @Test
    void findsTheFixedFailures() {
        assertThat(previousToCurrent().fixedFailures())
                .extracting(TestCaseResult::name)
                .containsExactly("test_divide_by_zero");
    }

    @Test
    void findsTheNewFindings() {
        assertThat(previousToCurrent().newFindings())
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder("B307 eval", "GHSA-xvch-5gv4-984h");
    }

    @Test
    void findsTheFixedFindings() {
        assertThat(previousToCurrent().fixedFindings())
                .extracting(Finding::rule)
                .containsExactly("B602 subprocess_popen_with_shell_equals_true");
    }

    @Test
    void measuresTheCoverageDelta() {
        assertThat(previousToCurrent().coverageDelta()).isCloseTo(32.0 / 48 - 10.0 / 18, within(1e-9));
    }

    @Test
    void measuresTheScoreDelta() {
        assertThat(previousToCurrent().scoreDelta()).isEqualTo(75 - 53);
    }

    @Test
    void theReverseComparisonSwapsNewAndFixed() {
        RunComparison comparison = RunComparison.of(SampleRuns.stored("current"), SampleRuns.stored("previous"));

        assertThat(comparison.newFailures()).extracting(TestCaseResult::name).containsExactly("test_divide_by_zero");
        assertThat(comparison.fixedFailures()).isEmpty();
        assertThat(comparison.fixedFindings()).hasSize(2);
    }
}
