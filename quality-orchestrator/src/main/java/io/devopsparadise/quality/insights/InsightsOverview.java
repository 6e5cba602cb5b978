package io.devopsparadise.quality.insights;

/**
 * Everything the Insights page and {@code paradise_insights} show, from one measurement of the workspace: its hotspots,
 * what is worth doing, the risk of its working tree, and the latest run's uncovered changed lines.
 */
public record InsightsOverview(
        HotspotsAnswer hotspots,
        RecommendationsAnswer recommendations,
        ChangeRiskAnswer workingTreeRisk,
        CoverageGapsAnswer coverageGaps) {}
