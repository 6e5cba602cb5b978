package io.devopsparadise.reports.usage;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestPlan;

/**
 * The test time a run's change-based selection left out: for each plan that selected (not one that ran everything),
 * its full suite minus its selected tests, both on one worker, as the plan estimated them. Parallel workers are not
 * counted: they save wall time, not test time. The durations come from the workspace's own test reports, which are
 * untrusted: a plan counts for at most a day, so that no run can make the sums overflow or dwarf the others.
 */
public final class TestTimeSaved {

    private TestTimeSaved() {}

    static final long MAX_PER_PLAN = java.time.Duration.ofDays(1).toMillis();
    /** Plans a run is counted for: more than the tools one run can have. */
    static final int MAX_PLANS = 100;

    public static long of(QualityRunResult run) {
        return run.plans().stream()
                .limit(MAX_PLANS)
                .mapToLong(TestTimeSaved::of)
                .sum();
    }

    static long of(TestPlan plan) {
        if (plan == null || plan.runAll()) {
            return 0;
        }
        long saved = plan.fullSuiteMillis() - plan.expectedSequentialMillis();
        return saved <= 0 || plan.fullSuiteMillis() < 0 || plan.expectedSequentialMillis() < 0
                ? 0
                : Math.min(saved, MAX_PER_PLAN);
    }
}
