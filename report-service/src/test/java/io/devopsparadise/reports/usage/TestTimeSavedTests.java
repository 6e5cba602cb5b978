package io.devopsparadise.reports.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.reports.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTimeSavedTests {

    @Test
    void aSelectivePlanSavesItsFullSuiteMinusItsSelectedTestsOnOneWorker() {
        QualityRunResult planned = SampleRuns.planned();
        TestPlan plan = planned.plans().get(0);

        assertThat(TestTimeSaved.of(planned)).isEqualTo(plan.fullSuiteMillis() - plan.expectedSequentialMillis());
    }

    @Test
    void aPlanThatRanEverythingSavesNothing() {
        QualityRunResult planned = SampleRuns.planned();
        TestPlan selective = planned.plans().get(0);
        TestPlan all = new TestPlan(
                "jest",
                "full",
                null,
                true,
                5,
                5,
                List.of("no impact map yet"),
                List.of(),
                List.of(),
                2,
                600,
                1_200,
                1_200,
                "jest: every test");

        QualityRunResult both = SampleRuns.withPlans(planned, planned.tools(), List.of(selective, all));

        assertThat(TestTimeSaved.of(both)).isEqualTo(TestTimeSaved.of(planned));
    }

    @Test
    void aRunWithoutPlansSavesNothing() {
        assertThat(TestTimeSaved.of(SampleRuns.result("current"))).isZero();
    }

    @Test
    void aPlanClaimingMoreThanADayCountsForADay() {
        QualityRunResult planned = SampleRuns.planned();
        TestPlan boastful = new TestPlan(
                "pytest",
                "changed",
                "main",
                false,
                1,
                5,
                List.of(),
                List.of(),
                List.of(),
                1,
                1,
                1,
                Long.MAX_VALUE,
                "pytest: claims");

        QualityRunResult run = SampleRuns.withPlans(planned, planned.tools(), List.of(boastful, boastful));

        assertThat(TestTimeSaved.of(run)).isEqualTo(2 * TestTimeSaved.MAX_PER_PLAN);
    }
}
