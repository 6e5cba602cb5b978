package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.Baseline;
import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.profiles.QualityProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerdictTests {

    private static final Baseline BASELINE = new Baseline("run-0", "c0", "main", "the last run on main");

    @Test
    void withoutABaselineEveryFailingTestIsJudged() {
        Verdict verdict = Verdict.of(
                profile(0, 0, Map.of()),
                List.of(tests(failing("test_old", false), passing("test_ok"))),
                null,
                "first run",
                null);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).isEqualTo("pytest: 1 failing test(s): suite › test_old [first run]");
    }

    @Test
    void withABaselineOnlyNewFailuresAreJudged() {
        Verdict verdict = Verdict.of(
                profile(0, 0, Map.of()),
                List.of(tests(failing("test_old", false), failing("test_new", true))),
                BASELINE,
                null,
                null);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons())
                .startsWith("pytest: 1 new failing test(s): suite › test_new")
                .endsWith("[compared with run run-0 (the last run on main)]");
    }

    @Test
    void anOldFailureAloneDoesNotFailARunWithABaseline() {
        Verdict verdict =
                Verdict.of(profile(0, 0, Map.of()), List.of(tests(failing("test_old", false))), BASELINE, null, null);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.reasons()).startsWith("all checks within the quick profile's limits");
    }

    /** A new and an old HIGH finding where no HIGH finding is allowed. */
    private static Verdict aNewAndAnOldFindingBeyondTheLimit() {
        List<Finding> findings =
                List.of(finding("bandit", "B602", "app.py", 3, true), finding("bandit", "B105", "old.py", 9, false));

        return Verdict.of(
                profile(0, 0, Map.of(Severity.HIGH, 0)),
                List.of(ToolOutcome.findings("bandit", ToolCategory.SECURITY, 10, findings)),
                BASELINE,
                null,
                null);
    }

    @Test
    void onlyNewFindingsBeyondTheLimitAreJudged() {
        Verdict verdict = aNewAndAnOldFindingBeyondTheLimit();

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).startsWith("1 new HIGH finding(s), at most 0 allowed: bandit B602 at app.py:3");
    }

    @Test
    void onlyNewFindingsAreNamedAsIntroduced() {
        assertThat(aNewAndAnOldFindingBeyondTheLimit().reasons())
                .contains("; introduced 1 finding(s): bandit B602 at app.py:3");
    }

    private static Verdict anAdvisoryFindingOfAnUnconfiguredLinter() {
        ToolOutcome advice = ToolOutcome.findings(
                        "pylint", ToolCategory.LINT, 10, List.of(finding("pylint", "C0114", "app.py", 1, true)))
                .asAdvice("no Pylint configuration");

        return Verdict.of(profile(0, 0, Map.of(Severity.HIGH, 0)), List.of(advice), BASELINE, null, null);
    }

    @Test
    void findingsOfLintersTheProjectDoesNotConfigureAreNeverJudged() {
        assertThat(anAdvisoryFindingOfAnUnconfiguredLinter().passed()).isTrue();
    }

    @Test
    void findingsOfLintersTheProjectDoesNotConfigureAreNamedAsAdvice() {
        assertThat(anAdvisoryFindingOfAnUnconfiguredLinter().reasons())
                .contains(
                        "introduced 1 finding(s) of linters the project does not configure (advice): pylint C0114 at app.py:1");
    }

    @Test
    void lineCoverageBelowTheProfilesMinimumFails() {
        ToolOutcome covered = ToolOutcome.tests(
                "pytest",
                ToolCategory.UNIT,
                ToolStatus.PASSED,
                10,
                List.of(passing("test_ok")),
                new CoverageResult(List.of(new FileCoverage("app.py", 60, 100, 0, 0))));

        Verdict verdict = Verdict.of(profile(0.8, 0, Map.of()), List.of(covered), null, null, null);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).isEqualTo("line coverage 60.0% is below the minimum 80.0%");
    }

    /** One of four changed lines covered where the profile asks 80%. */
    private static Verdict aQuarterOfTheChangedLinesCovered() {
        ChangedLinesCoverage changed = new ChangedLinesCoverage(
                "c0", 4, 1, List.of(new ChangedLinesCoverage.FileLines("app.py", List.of(7, 8, 9))));

        return Verdict.of(profile(0, 0.8, Map.of()), List.of(tests(passing("test_ok"))), BASELINE, null, changed);
    }

    @Test
    void changedLinesBelowTheProfilesMinimumFail() {
        assertThat(aQuarterOfTheChangedLinesCovered().passed()).isFalse();
    }

    @Test
    void changedLinesBelowTheProfilesMinimumNameTheUncoveredLines() {
        assertThat(aQuarterOfTheChangedLinesCovered().reasons())
                .startsWith("changed lines are 25.0% covered (1 of 4), the profile asks 80.0%: app.py:7,8,9");
    }

    @Test
    void aToolThatErredFailsTheRunUnlessItIsAdvice() {
        ToolOutcome erred = new ToolOutcome(
                "jest",
                ToolCategory.UNIT,
                ToolStatus.ERROR,
                10,
                "jest: command not found",
                List.of(),
                null,
                List.of(),
                null,
                false);

        Verdict verdict = Verdict.of(profile(0, 0, Map.of()), List.of(erred), null, null, null);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).isEqualTo("jest erred: jest: command not found");
    }

    @Test
    void moreThanFiveItemsAreCountedNotListed() {
        TestCaseResult[] failing =
                IntStream.range(0, 8).mapToObj(i -> failing("test_" + i, true)).toArray(TestCaseResult[]::new);

        Verdict verdict = Verdict.of(profile(0, 0, Map.of()), List.of(tests(failing)), null, null, null);

        assertThat(verdict.reasons()).contains("suite › test_4 and 3 more").doesNotContain("test_5");
    }

    @Test
    void theReasonsAreBoundedWhateverTheToolsWrote() {
        ToolOutcome erred = new ToolOutcome(
                "jest",
                ToolCategory.UNIT,
                ToolStatus.ERROR,
                10,
                "x".repeat(100_000),
                List.of(),
                null,
                List.of(),
                null,
                false);
        List<ToolOutcome> many = IntStream.range(0, 50).mapToObj(i -> erred).toList();

        Verdict verdict = Verdict.of(profile(0, 0, Map.of()), many, null, null, null);

        assertThat(verdict.reasons()).hasSize(4_000).endsWith("…");
    }

    private static QualityProfile profile(
            double minLineCoverage, double minChangedLineCoverage, Map<Severity, Integer> maxNewFindings) {
        return new QualityProfile(
                "quick",
                Set.of(ToolCategory.UNIT, ToolCategory.LINT, ToolCategory.SECURITY),
                Duration.ofMinutes(5),
                minLineCoverage,
                Map.of(),
                maxNewFindings,
                minChangedLineCoverage,
                false,
                null,
                0,
                false,
                false,
                false,
                false,
                false);
    }

    private static ToolOutcome tests(TestCaseResult... tests) {
        boolean failing = List.of(tests).stream().anyMatch(TestCaseResult::failing);
        return ToolOutcome.tests(
                "pytest", ToolCategory.UNIT, failing ? ToolStatus.FAILED : ToolStatus.PASSED, 10, List.of(tests), null);
    }

    private static TestCaseResult failing(String name, boolean introduced) {
        return new TestCaseResult("suite", name, null, TestStatus.FAILED, 0.1, "assert 1 == 2", introduced);
    }

    private static TestCaseResult passing(String name) {
        return new TestCaseResult("suite", name, null, TestStatus.PASSED, 0.1, null);
    }

    private static Finding finding(String tool, String rule, String file, int line, boolean introduced) {
        return new Finding(tool, rule, Severity.HIGH, file, line, "issue", "fp-" + rule, introduced);
    }
}
