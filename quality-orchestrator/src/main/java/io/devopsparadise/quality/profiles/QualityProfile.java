package io.devopsparadise.quality.profiles;

import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolCategory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A checked quality profile: which tool categories run, how long each may take, what they test, and what fails the run.
 *
 * @param targetUrl null when the profile names no running application
 * @param maxFindings    absolute limits per severity, judged on every run
 * @param maxNewFindings limits per severity on the findings a run introduced since its baseline
 * @param minChangedLineCoverage the least coverage (0-1) of the lines changed since the baseline's commit; 0 disables
 * @param runUnconfiguredLinters whether linters the project does not configure run at all (their findings then are advice)
 * @param judgeUnconfiguredLinters whether findings of linters the project does not configure count (by default they are advice)
 * @param changedOnly    test tools run only the tests the change can break (test impact analysis)
 * @param fullTests      test tools always run every test, even when a run asks for the changed ones only (nightly)
 * @param reuseResults   a tool whose inputs did not change since its last passing run reuses that result, marked cached
 */
public record QualityProfile(
        String name,
        Set<ToolCategory> categories,
        Duration toolTimeout,
        double minLineCoverage,
        Map<Severity, Integer> maxFindings,
        Map<Severity, Integer> maxNewFindings,
        double minChangedLineCoverage,
        boolean failFast,
        URI targetUrl,
        double minPerformanceScore,
        boolean runUnconfiguredLinters,
        boolean judgeUnconfiguredLinters,
        boolean changedOnly,
        boolean fullTests,
        boolean reuseResults) {

    public QualityProfile {
        categories = Set.copyOf(categories);
        maxFindings = Map.copyOf(maxFindings);
        maxNewFindings = Map.copyOf(maxNewFindings);
        if (minLineCoverage < 0 || minLineCoverage > 1) {
            throw new IllegalArgumentException(
                    "profile " + name + ": min-line-coverage must be between 0 and 1, got " + minLineCoverage);
        }
        if (minChangedLineCoverage < 0 || minChangedLineCoverage > 1) {
            throw new IllegalArgumentException("profile " + name
                    + ": min-changed-line-coverage must be between 0 and 1, got " + minChangedLineCoverage);
        }
        if (minPerformanceScore < 0 || minPerformanceScore > 1) {
            throw new IllegalArgumentException(
                    "profile " + name + ": min-performance-score must be between 0 and 1, got " + minPerformanceScore);
        }
        if (targetUrl != null && !("http".equals(targetUrl.getScheme()) || "https".equals(targetUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    "profile " + name + ": target-url must be an http or https URL, got " + targetUrl);
        }
    }

    /** The same profile, its test tools running only what the change can break (unless it forces full runs). */
    public QualityProfile withChangedOnly() {
        return new QualityProfile(
                name,
                categories,
                toolTimeout,
                minLineCoverage,
                maxFindings,
                maxNewFindings,
                minChangedLineCoverage,
                failFast,
                targetUrl,
                minPerformanceScore,
                runUnconfiguredLinters,
                judgeUnconfiguredLinters,
                true,
                fullTests,
                reuseResults);
    }
}
