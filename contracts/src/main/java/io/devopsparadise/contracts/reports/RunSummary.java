package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What lists, filters and trends need of a run, computed once when it is stored.
 *
 * @param lineRate         null when no tool measured coverage
 * @param performanceScore Lighthouse's performance score (0–1); null when no page was audited
 * @param findings         judged findings per severity, every severity present
 * @param advisoryFindings findings of linters the project does not configure: reported as advice, not judged or scored
 * @param baselineRunId    the stored run this one was compared with; null for a first run
 * @param newFindings      findings introduced since the baseline (judged and advice)
 * @param newFailures      tests failing now that did not fail in the baseline
 */
public record RunSummary(
        String id,
        String clientId,
        String workspace,
        String profile,
        RunState state,
        Instant startedAt,
        Instant finishedAt,
        long durationMillis,
        String gitCommit,
        String gitBranch,
        int testsTotal,
        int testsFailed,
        int testsSkipped,
        Double lineRate,
        Double branchRate,
        Map<Severity, Integer> findings,
        int advisoryFindings,
        Double performanceScore,
        int score,
        String grade,
        String verdict,
        String baselineRunId,
        int newFindings,
        int newFailures) {

    public RunSummary {
        EnumMap<Severity, Integer> counted = new EnumMap<>(Severity.class);
        if (findings != null) {
            counted.putAll(findings);
        }
        findings = Collections.unmodifiableMap(counted);
    }

    /** Failed and erred tests over those that ran; null when none ran. */
    public Double passRate() {
        int executed = testsTotal - testsSkipped;
        return executed == 0 ? null : (double) (executed - testsFailed) / executed;
    }

    public int findingsTotal() {
        return findings.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary of a run, before it is scored. */
    public static RunSummary of(QualityRunResult run) {
        List<TestCaseResult> tests =
                run.tools().stream().flatMap(t -> t.tests().stream()).toList();
        List<FileCoverage> files = run.tools().stream()
                .map(ToolOutcome::coverage)
                .filter(Objects::nonNull)
                .flatMap(c -> c.files().stream())
                .toList();
        CoverageResult coverage = files.isEmpty() ? null : new CoverageResult(files);
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            findings.put(severity, 0);
        }
        run.tools().stream()
                .filter(t -> !t.advisory())
                .flatMap(t -> t.findings().stream())
                .map(Finding::severity)
                .forEach(s -> findings.merge(s, 1, Integer::sum));
        int advisory = run.tools().stream()
                .filter(ToolOutcome::advisory)
                .mapToInt(t -> t.findings().size())
                .sum();
        Double performance = run.tools().stream()
                .filter(t -> t.performance() != null && t.performance().performanceScore() != null)
                .map(t -> t.performance().performanceScore())
                .findFirst()
                .orElse(null);
        Instant finished = run.finishedAt();
        long millis = finished == null || run.startedAt() == null
                ? 0
                : Duration.between(run.startedAt(), finished).toMillis();
        return new RunSummary(
                run.id(),
                run.clientId(),
                run.workspace(),
                run.profile(),
                run.state(),
                run.startedAt(),
                finished,
                millis,
                run.gitCommit(),
                run.gitBranch(),
                tests.size(),
                (int) tests.stream()
                        .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                        .count(),
                (int) tests.stream()
                        .filter(t -> t.status() == TestStatus.SKIPPED)
                        .count(),
                coverage == null ? null : coverage.lineRate(),
                coverage == null ? null : coverage.branchRate(),
                findings,
                advisory,
                performance,
                0,
                "E",
                run.verdict(),
                run.baseline() == null ? null : run.baseline().runId(),
                (int) run.tools().stream()
                        .flatMap(t -> t.findings().stream())
                        .filter(Finding::wasIntroduced)
                        .count(),
                (int) tests.stream()
                        .filter(t -> t.failing() && t.wasIntroduced())
                        .count());
    }

    public RunSummary scored(int score, String grade) {
        return new RunSummary(
                id,
                clientId,
                workspace,
                profile,
                state,
                startedAt,
                finishedAt,
                durationMillis,
                gitCommit,
                gitBranch,
                testsTotal,
                testsFailed,
                testsSkipped,
                lineRate,
                branchRate,
                findings,
                advisoryFindings,
                performanceScore,
                score,
                grade,
                verdict,
                baselineRunId,
                newFindings,
                newFailures);
    }
}
