package io.devopsparadise.reports.insights;

import java.util.List;

/** What a client's stored runs say beyond one run: flaky tests, recurring rules, debt and its trend, performance drops. */
public record ClientInsights(
        String clientId,
        int windowRuns,
        List<FlakyTest> flakyTests,
        List<RecurringRule> recurringRules,
        TechnicalDebt debt,
        List<TechnicalDebt> debtTrend,
        List<PerformanceRegression> performanceRegressions) {

    public ClientInsights {
        flakyTests = List.copyOf(flakyTests);
        recurringRules = List.copyOf(recurringRules);
        debtTrend = List.copyOf(debtTrend);
        performanceRegressions = List.copyOf(performanceRegressions);
    }
}
