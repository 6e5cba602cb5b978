package io.devopsparadise.reports.usage;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestPlan;

/**
 * The test time a run's change-based selection left out: for each plan that selected (not one that ran everything),
 * its full suite minus its selected tests, both on one worker, as the plan estimated them. Parallel workers are not
 * counted: they save wall time, not test time.
 */
public final class TestTimeSaved {

    private TestTimeSaved() {}

    public static long of(QualityRunResult run) {
        return run.plans().stream().mapToLong(TestTimeSaved::of).sum();
    }

    static long of(TestPlan plan) {
        if (plan.runAll()) {
            return 0;
        }
        return Math.max(0, plan.fullSuiteMillis() - plan.expectedSequentialMillis());
    }
}
