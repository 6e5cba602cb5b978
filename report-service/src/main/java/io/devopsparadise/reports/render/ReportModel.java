package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.insights.ClientInsights;
import io.devopsparadise.reports.runs.StoredRun;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows: the run and its trend (this client's and workspace's runs up to this one, oldest first),
 * and the client's insights as of the run (null when not asked for).
 * The helpers are what the templates list.
 */
public record ReportModel(StoredRun run, List<TrendPoint> trend, ClientInsights insights) {

    public ReportModel {
        trend = List.copyOf(trend);
    }

    /** A report without the client's insights (a single run's view). */
    public ReportModel(StoredRun run, List<TrendPoint> trend) {
        this(run, trend, null);
    }

    public List<ToolOutcome> tools() {
        return run.result().tools().stream()
                .sorted(Comparator.comparing((ToolOutcome t) -> t.category().id())
                        .thenComparing(ToolOutcome::tool))
                .toList();
    }

    /** How many of a tool's tests failed or erred (counted here: template expressions are capped at 10,000 operations). */
    public long failedTests(ToolOutcome tool) {
        return tool.tests().stream()
                .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                .count();
    }

    /** Whether the run was compared with a baseline (then "new" and "existing" are known). */
    public boolean compared() {
        return run.result().baseline() != null;
    }

    /** Tests failing now that did not fail in the baseline. */
    public List<Failure> newFailures() {
        return failures().stream().filter(f -> f.test().wasIntroduced()).toList();
    }

    /** Findings the run introduced since its baseline, judged or advice. */
    public List<Finding> newFindings() {
        return findings().stream().filter(Finding::wasIntroduced).toList();
    }

    /** Failed and erred tests, with the tool that ran them. */
    public List<Failure> failures() {
        return tools().stream()
                .flatMap(tool -> tool.tests().stream()
                        .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                        .map(t -> new Failure(tool.tool(), t)))
                .toList();
    }

    /** Judged findings first, then the advice of linters the project does not configure; each most severe first. */
    public List<Finding> findings() {
        java.util.Set<String> advisory = advisoryTools();
        return tools().stream()
                .flatMap(t -> t.findings().stream())
                .sorted(Comparator.comparing((Finding f) -> advisory.contains(f.tool()))
                        .thenComparing(Finding::severity)
                        .thenComparing(f -> Objects.toString(f.file(), ""))
                        .thenComparingInt(Finding::line))
                .toList();
    }

    /** Whether a finding is advice: its tool is a linter the project does not configure. */
    public boolean isAdvice(Finding finding) {
        return advisoryTools().contains(finding.tool());
    }

    private java.util.Set<String> advisoryTools() {
        return run.result().tools().stream()
                .filter(ToolOutcome::advisory)
                .map(ToolOutcome::tool)
                .collect(java.util.stream.Collectors.toSet());
    }

    public List<FileCoverage> coverage() {
        return tools().stream()
                .map(ToolOutcome::coverage)
                .filter(Objects::nonNull)
                .flatMap(c -> c.files().stream())
                .sorted(Comparator.comparing(FileCoverage::file))
                .toList();
    }

    /** The run before this one in the trend, if any. */
    public TrendPoint previous() {
        for (int i = trend.size() - 1; i > 0; i--) {
            if (trend.get(i).runId().equals(run.summary().id())) {
                return trend.get(i - 1);
            }
        }
        return null;
    }

    /** The code backend's analysis of the run's code; null when the run had no semantic step. */
    public io.devopsparadise.contracts.quality.SemanticAnalysis semantic() {
        return run.result().semantic();
    }

    /** The first {@code max} items of a list, for the sections a report bounds; the template says how many it left out. */
    public <T> List<T> first(List<T> items, int max) {
        return items.subList(0, Math.min(items.size(), Math.max(0, max)));
    }

    /** The test plans of the run's test tools, each list cut to what a report shows; empty when no test tool had a plan. */
    public List<ListedPlan> plans() {
        return run.result().plans().stream().map(ListedPlan::of).toList();
    }

    /** The findings of the tools that report them per file (the semantic tool's type diagnostics): JUnit shows them as failing cases. */
    public List<ToolOutcome> checkers() {
        return tools().stream()
                .filter(t ->
                        t.category() == ToolCategory.SEMANTIC && !t.findings().isEmpty())
                .toList();
    }

    public record Failure(String tool, TestCaseResult test) {}
}
