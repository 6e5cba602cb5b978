package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionPlannerTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static ImpactMap.TestRecord test(
            String id, long millis, int runs, int failures, boolean failedLast, Instant changedAt, String... blocks) {
        return new ImpactMap.TestRecord(
                ImpactMap.fileOf(id), Set.of(blocks), millis, runs, failures, failedLast, changedAt);
    }

    private static final ImpactMap MAP = new ImpactMap(
            "c0",
            Map.of(),
            Map.of(),
            Map.of(
                    "t/test_a.py::slow",
                            test("t/test_a.py::slow", 4_000, 10, 0, false, NOW.minus(Duration.ofDays(300)), "a.py::f"),
                    "t/test_a.py::quick",
                            test("t/test_a.py::quick", 100, 10, 0, false, NOW.minus(Duration.ofDays(300)), "a.py::f"),
                    "t/test_a.py::flaky",
                            test("t/test_a.py::flaky", 50, 10, 5, false, NOW.minus(Duration.ofDays(300)), "a.py::g"),
                    "t/test_b.py::broken",
                            test("t/test_b.py::broken", 10, 10, 1, true, NOW.minus(Duration.ofDays(300)), "b.py::h"),
                    "t/test_b.py::other",
                            test(
                                    "t/test_b.py::other",
                                    3_000,
                                    10,
                                    0,
                                    false,
                                    NOW.minus(Duration.ofDays(300)),
                                    "b.py::h")),
            Set.of(),
            500,
            NOW);

    @Test
    void testsLikelierToFailGoFirstThenTheLongest() {
        Selection selection = new Selection(
                false,
                List.of("why"),
                Set.of("t/test_a.py::slow", "t/test_a.py::quick", "t/test_a.py::flaky", "t/test_b.py::broken"),
                Set.of(),
                Set.of());

        ExecutionPlan plan = ExecutionPlanner.plan(
                "pytest", "changed", null, selection, Optional.of(MAP), 2, Duration.ofHours(1), NOW);

        assertThat(plan.arguments())
                .containsExactly(
                        "t/test_b.py::broken", "t/test_a.py::flaky", "t/test_a.py::slow", "t/test_a.py::quick");
        assertThat(plan.workers()).isEqualTo(1);
        assertThat(plan.view().selected()).isEqualTo(4);
        assertThat(plan.view().known()).isEqualTo(5);
        assertThat(plan.view().skipped()).isEqualTo(1);
        assertThat(plan.view().expectedMillis()).isEqualTo(4_160 + 500);
        assertThat(plan.view().fullSuiteMillis()).isEqualTo(7_160 + 500);
        assertThat(plan.view().summary())
                .startsWith("pytest: 4 of 5 test(s) selected, 1 skipped, expected 4.7 s on 1 worker(s)");
    }

    @Test
    void longTestsSpreadOverTheInstancesCpusLongestFirst() {
        Selection all = Selection.all("the profile runs every test", Set.of());

        ExecutionPlan plan =
                ExecutionPlanner.plan("pytest", "full", null, all, Optional.of(MAP), 2, Duration.ofSeconds(5), NOW);

        assertThat(plan.workers()).isEqualTo(2);
        assertThat(plan.arguments())
                .as("every test runs: pytest collects them itself")
                .isEmpty();
        assertThat(plan.view().expectedSequentialMillis()).isEqualTo(7_160 + 500);
        assertThat(plan.view().expectedMillis())
                .as("4000 on one worker, 3000+100+50+10 on the other, plus start-up")
                .isEqualTo(4_000 + 500 + ExecutionPlanner.WORKER_START_MILLIS);
    }

    @Test
    void aFirstRunWithNoMapSaysEveryTestRunsNotAllZero() {
        Selection all = Selection.all("no test impact map yet", Set.of());

        ExecutionPlan plan =
                ExecutionPlanner.plan("pytest", "changed", null, all, Optional.empty(), 2, Duration.ofHours(1), NOW);

        assertThat(plan.view().known()).isZero();
        assertThat(plan.view().summary())
                .startsWith("pytest: every test runs (none known before this run), no time estimate yet")
                .doesNotContain("all 0")
                .doesNotContain("0.0 s");
    }

    @Test
    void theLongestFirstScheduleBalancesTheWorkers() {
        assertThat(ExecutionPlanner.longestFirst(List.of(5L, 4L, 3L, 3L, 3L), 2))
                .as("5+3 | 4+3+3: greedy, the best is 9")
                .isEqualTo(10);
        assertThat(ExecutionPlanner.longestFirst(List.of(3L, 8L, 2L, 6L, 4L), 2))
                .isEqualTo(12);
        assertThat(ExecutionPlanner.longestFirst(List.of(5L, 4L, 3L), 1)).isEqualTo(12);
        assertThat(ExecutionPlanner.longestFirst(List.of(), 4)).isZero();
    }

    @Test
    void aTestTheMapDoesNotKnowRunsBeforeKnownOnes() {
        Selection selection =
                new Selection(false, List.of(), Set.of("t/test_a.py::quick"), Set.of("t/test_new.py"), Set.of());

        ExecutionPlan plan = ExecutionPlanner.plan(
                "pytest", "changed", null, selection, Optional.of(MAP), 2, Duration.ofHours(1), NOW);

        assertThat(plan.arguments()).containsExactly("t/test_new.py", "t/test_a.py::quick");
    }

    @Test
    void aSelectionOfNothingRunsNothing() {
        Selection none =
                new Selection(false, List.of("no test reaches the changed code"), Set.of(), Set.of(), Set.of());

        ExecutionPlan plan =
                ExecutionPlanner.plan("pytest", "changed", "main", none, Optional.of(MAP), 2, Duration.ofHours(1), NOW);

        assertThat(plan.runNothing()).isTrue();
        assertThat(plan.view().expectedMillis()).isZero();
        assertThat(plan.view().base()).isEqualTo("main");
    }
}
