package io.devopsparadise.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.QualityEvent.Type;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.dashboard.live.RunProgressBoard.RunProgress;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The board the run page reads: what the orchestrator's progress events said about each run, bounded. */
class RunProgressBoardTests {

    private final RunProgressBoard board = new RunProgressBoard();
    private long sequence;

    private void record(Type type, String runId, String tool, String status, String detail) {
        board.record(new QualityEvent(
                ++sequence,
                type,
                runId,
                "alice",
                tool,
                status,
                0,
                type == Type.TEST_FAILED ? 1 : 0,
                0,
                Instant.EPOCH,
                detail));
    }

    private RunProgress progress(String runId) {
        return board.progress(runId).orElseThrow();
    }

    /** A run whose pytest has its plan and one failing test so far. */
    private RunProgress aRunningPytestWithAFailure() {
        record(Type.RUN_STARTED, "run-1", null, "RUNNING", null);
        record(Type.PLAN, "run-1", "pytest", "SELECTED", "pytest: 1 of 4 test(s) selected, 3 skipped");
        record(Type.TOOL_STARTED, "run-1", "pytest", "RUNNING", null);
        record(Type.TEST_FAILED, "run-1", "pytest", "FAILED", "tests/test_ops.py::test_sub: assert 8 == 2");
        return progress("run-1");
    }

    @Test
    void recordsWhatIsRunningAsTheEventsArrive() {
        RunProgress run = aRunningPytestWithAFailure();

        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        assertThat(run.tools())
                .extracting(ToolProgress::tool, ToolProgress::label)
                .containsExactly(tuple("pytest", "RUNNING"));
    }

    @Test
    void recordsTheTestPlanAsItsEventArrives() {
        RunProgress run = aRunningPytestWithAFailure();

        assertThat(run.plans()).containsExactly("pytest: 1 of 4 test(s) selected, 3 skipped");
    }

    @Test
    void recordsEachFailingTestAsItsEventArrives() {
        RunProgress run = aRunningPytestWithAFailure();

        assertThat(run.failures()).containsExactly("pytest: tests/test_ops.py::test_sub: assert 8 == 2");
    }

    @Test
    void keepsTheFirstTenPlans() {
        IntStream.range(0, 15).forEach(i -> record(Type.PLAN, "run-1", "pytest", "ALL", "plan " + i));

        assertThat(progress("run-1").plans()).hasSize(10).startsWith("plan 0").endsWith("plan 9");
    }

    @Test
    void keepsTheFirstTwentyFailures() {
        IntStream.range(0, 30)
                .forEach(i -> record(Type.TEST_FAILED, "run-1", "pytest", "FAILED", "test_" + i + ": boom"));

        assertThat(progress("run-1").failures())
                .hasSize(20)
                .startsWith("pytest: test_0: boom")
                .endsWith("pytest: test_19: boom");
    }

    @Test
    void aPlanOrFailureWithoutDetailAddsNoLine() {
        record(Type.PLAN, "run-1", "pytest", "ALL", null);
        record(Type.TEST_FAILED, "run-1", "pytest", "FAILED", null);

        assertThat(progress("run-1").plans()).isEmpty();
        assertThat(progress("run-1").failures()).isEmpty();
    }

    @Test
    void theEventsOfOneRunLeaveTheOtherRunsAsTheyWere() {
        record(Type.PLAN, "run-1", "pytest", "SELECTED", "pytest: 1 of 4 test(s) selected");
        record(Type.TEST_FAILED, "run-1", "pytest", "FAILED", "tests/test_ops.py::test_sub: assert 8 == 2");
        record(Type.RUN_FINISHED, "run-1", null, "FAILED", null);
        record(Type.RUN_STARTED, "run-2", null, "RUNNING", null);

        IntStream.range(0, 30)
                .forEach(i -> record(Type.TEST_FAILED, "run-2", "pytest", "FAILED", "test_" + i + ": boom"));

        assertThat(progress("run-1").state()).isEqualTo(RunState.FAILED);
        assertThat(progress("run-1").failures()).containsExactly("pytest: tests/test_ops.py::test_sub: assert 8 == 2");
        assertThat(progress("run-2").plans()).isEmpty();
        assertThat(progress("run-2").failures()).hasSize(20);
        assertThat(board.progress("run-3")).isEmpty();
    }

    @Test
    void aToolThatEndedInAStatusThisVersionDoesNotKnowIsNotShownRunning() {
        record(Type.TOOL_STARTED, "run-1", "pytest", "RUNNING", null);
        record(Type.TOOL_FINISHED, "run-1", "pytest", "SOMETHING_NEW", null);

        ToolProgress pytest = progress("run-1").tools().get(0);
        assertThat(pytest.running()).isFalse();
        assertThat(pytest.label()).isEqualTo("UNKNOWN");
    }

    @Test
    void aRunThatEndedInAStateThisVersionDoesNotKnowIsNoLongerRunning() {
        record(Type.RUN_STARTED, "run-1", null, "RUNNING", null);
        record(Type.RUN_FINISHED, "run-1", null, "SOMETHING_NEW", null);

        assertThat(progress("run-1").state()).isNull();
    }

    @Test
    void forgetsTheOldestRunsBeyondTwoHundred() {
        IntStream.range(0, 201).forEach(i -> record(Type.PLAN, "run-" + i, "pytest", "ALL", "plan of run " + i));

        assertThat(board.progress("run-0")).isEmpty();
        assertThat(progress("run-1").plans()).containsExactly("plan of run 1");
        assertThat(progress("run-200").plans()).containsExactly("plan of run 200");
    }
}
