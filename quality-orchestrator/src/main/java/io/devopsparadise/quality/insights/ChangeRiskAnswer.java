package io.devopsparadise.quality.insights;

import io.devopsparadise.quality.insights.risk.RiskFactor;
import java.util.List;

/**
 * A change's risk of introducing a bug.
 *
 * @param change      what was scored: "working tree", a commit id, or from..to
 * @param risk        the chance, 0 to 1, from the method named
 * @param percentile  the share of the repository's own commits that scored lower, 0 to 100
 * @param level       low, medium or high: below the history's median, up to its 80th percentile, above it
 * @param factors     the features that pushed the risk up most (or held it down least), with their values
 * @param coverage    for the working tree, how much of its changed lines the latest run's tests ran, when that run was on
 *                    its commit; null otherwise
 */
public record ChangeRiskAnswer(
        String clientId,
        String change,
        int files,
        int linesAdded,
        int linesDeleted,
        double risk,
        double percentile,
        String level,
        String method,
        int historyCommits,
        List<RiskFactor> factors,
        TouchedLinesCoverage coverage) {

    public ChangeRiskAnswer {
        factors = List.copyOf(factors);
    }
}
