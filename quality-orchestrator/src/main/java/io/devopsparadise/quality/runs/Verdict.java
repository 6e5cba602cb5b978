package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.profiles.QualityProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a run's outcomes against its profile: failing tests, coverage below the minimum, findings over the limits,
 * a performance score below the minimum. Findings of advisory outcomes (linters the project does not configure) are
 * reported but not judged.
 */
record Verdict(boolean passed, String reasons) {

    static Verdict of(QualityProfile profile, List<ToolOutcome> outcomes) {
        List<String> reasons = new ArrayList<>();
        outcomes.stream().filter(o -> o.status() == ToolStatus.FAILED)
                .forEach(o -> reasons.add(o.tool() + ": " + o.tests().stream().filter(t -> t.failureMessage() != null).count() + " failing test(s)"));
        outcomes.stream().filter(o -> o.status() == ToolStatus.ERROR && !o.advisory()).forEach(o -> reasons.add(o.tool() + " erred: " + o.detail()));
        List<FileCoverage> files = outcomes.stream().filter(o -> o.coverage() != null).flatMap(o -> o.coverage().files().stream()).toList();
        if (profile.minLineCoverage() > 0 && !files.isEmpty()) {
            double rate = new CoverageResult(files).lineRate();
            if (rate < profile.minLineCoverage()) {
                reasons.add(String.format("line coverage %.1f%% is below the minimum %.1f%%", rate * 100, profile.minLineCoverage() * 100));
            }
        }
        if (profile.minPerformanceScore() > 0) {
            outcomes.stream().filter(o -> o.performance() != null && o.performance().performanceScore() != null
                            && o.performance().performanceScore() < profile.minPerformanceScore())
                    .forEach(o -> reasons.add(String.format("%s performance score %.0f is below the minimum %.0f", o.performance().url(),
                            o.performance().performanceScore() * 100, profile.minPerformanceScore() * 100)));
        }
        Map<Severity, Long> counts = outcomes.stream().filter(o -> !o.advisory()).flatMap(o -> o.findings().stream())
                .collect(Collectors.groupingBy(Finding::severity, Collectors.counting()));
        profile.maxFindings().forEach((severity, max) -> {
            long found = counts.getOrDefault(severity, 0L);
            if (found > max) {
                reasons.add(found + " " + severity + " finding(s), at most " + max + " allowed");
            }
        });
        return new Verdict(reasons.isEmpty(), reasons.isEmpty() ? "all checks within the " + profile.name() + " profile's limits"
                : String.join("; ", reasons));
    }
}
