package io.devopsparadise.reports.score;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolDigest;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality score (docs/report-service.md, "Quality score"):
 * <ul>
 *   <li>tests: passed / (run − skipped), weight 40;</li>
 *   <li>coverage: the line rate over every measured file, weight 25;</li>
 *   <li>findings: max(0, 1 − (10·critical + 5·high + 2·medium + 0.5·low) / 50), weight 20, when a lint or security tool ran;</li>
 *   <li>performance: Lighthouse's performance score, weight 15.</li>
 * </ul>
 * Only measured components count; their weights are scaled to 100. Each tool that erred takes 5 points off. Nothing
 * measured scores 0. Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E.
 */
public final class Scoring {

    static final Map<String, Integer> WEIGHTS = Map.of("tests", 40, "coverage", 25, "findings", 20, "performance", 15);
    static final int ERRED_TOOL_PENALTY = 5;

    private Scoring() {}

    public static QualityScore of(QualityRunResult run, RunSummary summary) {
        return of(summary, run.tools().stream().map(ToolDigest::of).toList());
    }

    /** The score from what is stored of a run: its summary and its tools' counts. */
    public static QualityScore of(RunSummary summary, List<ToolDigest> tools) {
        Map<String, Double> components = new LinkedHashMap<>();
        int executed = summary.testsTotal() - summary.testsSkipped();
        if (executed > 0) {
            components.put("tests", (double) (executed - summary.testsFailed()) / executed);
        }
        if (summary.lineRate() != null) {
            components.put("coverage", summary.lineRate());
        }
        if (tools.stream().anyMatch(t -> t.reportsFindings() && !t.advisory() && t.status() == ToolStatus.PASSED)) {
            components.put("findings", Math.max(0, 1 - weightedFindings(summary) / 50));
        }
        if (summary.performanceScore() != null) {
            components.put("performance", summary.performanceScore());
        }
        int penalty =
                (int) tools.stream().filter(t -> t.status() == ToolStatus.ERROR).count() * ERRED_TOOL_PENALTY;
        double weights = components.keySet().stream().mapToInt(WEIGHTS::get).sum();
        double raw = weights == 0
                ? 0
                : components.entrySet().stream()
                                .mapToDouble(e -> e.getValue() * WEIGHTS.get(e.getKey()))
                                .sum()
                        / weights
                        * 100;
        int value = (int) Math.max(0, Math.round(raw) - penalty);
        return new QualityScore(value, grade(value), components, penalty);
    }

    public static String grade(int score) {
        if (score >= 90) {
            return "A";
        }
        if (score >= 75) {
            return "B";
        }
        if (score >= 60) {
            return "C";
        }
        return score >= 40 ? "D" : "E";
    }

    private static double weightedFindings(RunSummary summary) {
        return summary.findings().entrySet().stream()
                .mapToDouble(e -> weight(e.getKey()) * e.getValue())
                .sum();
    }

    private static double weight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 10;
            case HIGH -> 5;
            case MEDIUM -> 2;
            case LOW -> 0.5;
            case INFO -> 0;
        };
    }
}
