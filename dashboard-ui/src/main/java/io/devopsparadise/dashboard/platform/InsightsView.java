package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** What the Insights page shows, as the orchestrator (hotspots, recommendations, risk) and the report-service (history) give it. */
public final class InsightsView {

    private InsightsView() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overview(
            Hotspots hotspots, Recommendations recommendations, Risk workingTreeRisk, CoverageGaps coverageGaps) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoverageGaps(
            String latestRun, String baseCommit, int changedLines, int covered, String why, List<Gap> gaps) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(String file, String function, List<Integer> lines, String testFile, String how) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hotspots(
            String headCommit,
            long windowDays,
            int commitsInWindow,
            String complexity,
            String coverageRun,
            int ranked,
            List<Hotspot> hotspots) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hotspot(
            String file,
            int commits,
            int complexity,
            int highest,
            String mostComplex,
            Double coveredPercent,
            int findings,
            double score) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendations(
            String latestRun, List<String> missing, int total, List<Recommendation> recommendations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendation(
            String kind, String title, String evidence, double payoff, List<String> files, List<String> tests) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Risk(
            String change,
            int files,
            int linesAdded,
            int linesDeleted,
            double risk,
            double percentile,
            String level,
            String method,
            int historyCommits,
            List<Factor> factors,
            TouchedLines coverage) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TouchedLines(String runId, String baseCommit, int lines, int covered, Double percent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Factor(String feature, String description, double value, double typical, double contribution) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(
            int windowRuns,
            List<Flaky> flakyTests,
            List<Rule> recurringRules,
            Debt debt,
            List<Debt> debtTrend,
            List<Regression> performanceRegressions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flaky(
            String tool,
            String suite,
            String name,
            int runs,
            int flaky,
            int failedOnPassingCode,
            double flakeRate,
            Instant firstSeen,
            Instant lastSeen,
            String evidence) {

        public String test() {
            return (suite == null ? "" : suite + " › ") + name;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(
            String tool,
            String rule,
            int findings,
            int files,
            List<String> directories,
            int runsSeen,
            int windowRuns) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Debt(
            String runId,
            Instant startedAt,
            String gitCommit,
            int findings,
            long minutes,
            Integer codeLines,
            Double ratio,
            String rating) {

        public double hours() {
            return minutes / 60.0;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Regression(
            String runId,
            Instant at,
            String metric,
            double before,
            double after,
            double noise,
            String fromCommit,
            String toCommit,
            String summary) {}
}
