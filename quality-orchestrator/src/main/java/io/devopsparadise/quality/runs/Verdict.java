package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.Baseline;
import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.profiles.QualityProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Judges a run's outcomes against its profile, "clean as you code": with a baseline, the tests that fail now but did
 * not fail there and the findings the run introduced, against the profile's new-finding limits; without one (a
 * project's first run), every failing test. Absolute limits (max-findings, min-line-coverage, min-performance-score)
 * apply whenever the profile sets them. Findings of advisory outcomes (linters the project does not configure) are
 * reported, never judged. The words name what is new, so a user sees exactly what their change broke.
 */
record Verdict(boolean passed, String reasons) {

    private static final int NAMED = 5;
    private static final int ITEM = 200;
    private static final int MAX = 4_000;

    static Verdict of(
            QualityProfile profile,
            List<ToolOutcome> outcomes,
            Baseline baseline,
            String noBaseline,
            ChangedLinesCoverage changed) {
        List<String> reasons = new ArrayList<>();
        for (ToolOutcome outcome : outcomes) {
            List<TestCaseResult> judged = outcome.tests().stream()
                    .filter(TestCaseResult::failing)
                    .filter(t -> baseline == null || t.wasIntroduced())
                    .toList();
            if (!judged.isEmpty()) {
                reasons.add(outcome.tool() + ": " + judged.size()
                        + (baseline == null ? " failing test(s)" : " new failing test(s)")
                        + named(judged.stream().map(TestCaseResult::key).toList()));
            }
        }
        outcomes.stream()
                .filter(o -> o.status() == ToolStatus.ERROR && !o.advisory())
                .forEach(o -> reasons.add(o.tool() + " erred: " + cut(String.valueOf(o.detail()), ITEM * 2)));
        coverage(profile, outcomes, reasons);
        performance(profile, outcomes, reasons);
        List<Finding> judged = outcomes.stream()
                .filter(o -> !o.advisory())
                .flatMap(o -> o.findings().stream())
                .toList();
        limits(profile.maxFindings(), judged, f -> true, "", reasons);
        if (baseline != null) {
            limits(profile.maxNewFindings(), judged, Finding::wasIntroduced, "new ", reasons);
            changedLines(profile, changed, reasons);
        }
        String context = baseline == null
                ? noBaseline
                : "compared with run " + baseline.runId() + " (" + baseline.choice() + ")";
        String news = baseline == null ? "" : introduced(outcomes);
        String text = (reasons.isEmpty()
                        ? "all checks within the " + profile.name() + " profile's limits"
                        : String.join("; ", reasons))
                + news
                + (context == null ? "" : " [" + context + "]");
        return new Verdict(reasons.isEmpty(), cut(text, MAX));
    }

    private static void coverage(QualityProfile profile, List<ToolOutcome> outcomes, List<String> reasons) {
        List<FileCoverage> files = outcomes.stream()
                .filter(o -> o.coverage() != null)
                .flatMap(o -> o.coverage().files().stream())
                .toList();
        if (profile.minLineCoverage() > 0 && !files.isEmpty()) {
            double rate = new CoverageResult(files).lineRate();
            if (rate < profile.minLineCoverage()) {
                reasons.add(String.format(
                        "line coverage %.1f%% is below the minimum %.1f%%",
                        rate * 100, profile.minLineCoverage() * 100));
            }
        }
    }

    private static void changedLines(QualityProfile profile, ChangedLinesCoverage changed, List<String> reasons) {
        if (profile.minChangedLineCoverage() > 0
                && changed != null
                && changed.rate() != null
                && changed.rate() < profile.minChangedLineCoverage()) {
            reasons.add(String.format(
                            "changed lines are %.1f%% covered (%d of %d), the profile asks %.1f%%",
                            changed.rate() * 100,
                            changed.covered(),
                            changed.lines(),
                            profile.minChangedLineCoverage() * 100)
                    + named(changed.uncovered().stream()
                            .map(f -> f.file() + ":"
                                    + f.lines().stream().map(String::valueOf).collect(Collectors.joining(",")))
                            .toList()));
        }
    }

    private static void performance(QualityProfile profile, List<ToolOutcome> outcomes, List<String> reasons) {
        if (profile.minPerformanceScore() > 0) {
            outcomes.stream()
                    .filter(o -> o.performance() != null
                            && o.performance().performanceScore() != null
                            && o.performance().performanceScore() < profile.minPerformanceScore())
                    .forEach(o -> reasons.add(String.format(
                            "%s performance score %.0f is below the minimum %.0f",
                            o.performance().url(),
                            o.performance().performanceScore() * 100,
                            profile.minPerformanceScore() * 100)));
        }
    }

    private static void limits(
            Map<Severity, Integer> limits,
            List<Finding> findings,
            Predicate<Finding> counted,
            String kind,
            List<String> reasons) {
        Map<Severity, List<Finding>> bySeverity =
                findings.stream().filter(counted).collect(Collectors.groupingBy(Finding::severity));
        limits.forEach((severity, max) -> {
            List<Finding> found = bySeverity.getOrDefault(severity, List.of());
            if (found.size() > max) {
                reasons.add(found.size() + " " + kind + severity + " finding(s), at most " + max + " allowed"
                        + (kind.isEmpty()
                                ? ""
                                : named(found.stream().map(Verdict::describe).toList())));
            }
        });
    }

    /** Every finding the run introduced, judged or advice, named so the user sees what changed. */
    private static String introduced(List<ToolOutcome> outcomes) {
        List<String> judged = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (ToolOutcome outcome : outcomes) {
            outcome.findings().stream()
                    .filter(Finding::wasIntroduced)
                    .map(Verdict::describe)
                    .forEach(outcome.advisory() ? advice::add : judged::add);
        }
        String text = "";
        if (!judged.isEmpty()) {
            text += "; introduced " + judged.size() + " finding(s)" + named(judged);
        }
        if (!advice.isEmpty()) {
            text += "; introduced " + advice.size() + " finding(s) of linters the project does not configure (advice)"
                    + named(advice);
        }
        return text;
    }

    static String describe(Finding finding) {
        return finding.tool() + " " + finding.rule() + " at " + finding.file()
                + (finding.line() > 0 ? ":" + finding.line() : "");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String named(List<String> items) {
        String shown = String.join(
                ", ",
                items.subList(0, Math.min(NAMED, items.size())).stream()
                        .map(i -> cut(i, ITEM))
                        .toList());
        return ": " + shown + (items.size() > NAMED ? " and " + (items.size() - NAMED) + " more" : "");
    }
}
