package io.devopsparadise.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.reports.SampleRuns;
import org.junit.jupiter.api.Test;

class RunComparisonTests {

    @Test
    void findsFixedFailuresNewAndFixedFindingsAndTheCoverageDelta() {
        RunComparison comparison = RunComparison.of(SampleRuns.stored("previous"), SampleRuns.stored("current"));

        assertThat(comparison.newFailures()).isEmpty();
        assertThat(comparison.fixedFailures()).extracting(TestCaseResult::name).containsExactly("test_divide_by_zero");
        assertThat(comparison.newFindings())
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder("B307 eval", "GHSA-xvch-5gv4-984h");
        assertThat(comparison.fixedFindings())
                .extracting(Finding::rule)
                .containsExactly("B602 subprocess_popen_with_shell_equals_true");
        assertThat(comparison.coverageDelta()).isCloseTo(32.0 / 48 - 10.0 / 18, within(1e-9));
        assertThat(comparison.scoreDelta()).isEqualTo(75 - 53);
    }

    @Test
    void theReverseComparisonSwapsNewAndFixed() {
        RunComparison comparison = RunComparison.of(SampleRuns.stored("current"), SampleRuns.stored("previous"));

        assertThat(comparison.newFailures()).extracting(TestCaseResult::name).containsExactly("test_divide_by_zero");
        assertThat(comparison.fixedFailures()).isEmpty();
        assertThat(comparison.fixedFindings()).hasSize(2);
    }
}
