package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactMapUpdateTests {

    private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T00:00:00Z");

    @TempDir
    Path workspace;

    /** The map after a full run in which test_add ran add() and test_both ran add() and sub() and failed. */
    private ImpactMap afterAFullRun() throws Exception {
        write("calc.py", "import os\n\n\ndef add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n");
        write("t.py", "def test_add():\n    pass\n");

        return ImpactMapUpdate.apply(
                Optional.empty(),
                run(
                        true,
                        true,
                        Map.of(
                                "t.py::test_add", Map.of("calc.py", Set.of(5)),
                                "t.py::test_both", Map.of("calc.py", Set.of(5, 9))),
                        Map.of("calc.py", Set.of(1, 4, 8)),
                        List.of(event("t.py::test_add", "passed", 0.25), event("t.py::test_both", "failed", 0.5)),
                        FIRST),
                PythonSources.of(workspace));
    }

    @Test
    void aFullRunMapsEveryTestToTheBlocksItRan() throws Exception {
        ImpactMap map = afterAFullRun();

        assertThat(map.tests().get("t.py::test_add").blocks()).containsExactly("calc.py::add");
        assertThat(map.tests().get("t.py::test_both").blocks())
                .containsExactlyInAnyOrder("calc.py::add", "calc.py::sub");
    }

    @Test
    void aFullRunRecordsHowEachTestWent() throws Exception {
        ImpactMap map = afterAFullRun();

        assertThat(map.tests().get("t.py::test_both").failedLast()).isTrue();
        assertThat(map.tests().get("t.py::test_add").millis()).isEqualTo(250);
    }

    @Test
    void aFullRunIgnoresWhatRanAtImport() throws Exception {
        assertThat(afterAFullRun().importTime())
                .as("def lines run at import; only the module's own statements count")
                .containsExactly("calc.py::<module>");
    }

    @Test
    void aFullRunRecordsTheChecksumOfEveryBlock() throws Exception {
        assertThat(afterAFullRun().checksums().get("calc.py")).containsKeys("add", "sub", "<module>");
    }

    /** The map of a first full run, after which sub() changes. */
    private ImpactMap mapBeforeAChange() throws Exception {
        write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n");
        write("t.py", "def test_add():\n    pass\n");
        ImpactMap first = ImpactMapUpdate.apply(
                Optional.empty(),
                run(
                        true,
                        true,
                        Map.of(
                                "t.py::test_add",
                                Map.of("calc.py", Set.of(2)),
                                "t.py::test_sub",
                                Map.of("calc.py", Set.of(6))),
                        Map.of(),
                        List.of(event("t.py::test_add", "passed", 0.1), event("t.py::test_sub", "passed", 0.1)),
                        FIRST),
                PythonSources.of(workspace));
        write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return add(a, -b)\n");
        return first;
    }

    /** An incremental run of test_sub alone that stopped early. */
    private static RunObservation stoppedRunOfTestSub() {
        return run(
                false,
                false,
                Map.of("t.py::test_sub", Map.of("calc.py", Set.of(2, 6))),
                Map.of(),
                List.of(event("t.py::test_sub", "failed", 0.2)),
                LATER);
    }

    @Test
    void anIncrementalRunUpdatesTheTestsThatRan() throws Exception {
        ImpactMap first = mapBeforeAChange();

        ImpactMap afterStop =
                ImpactMapUpdate.apply(Optional.of(first), stoppedRunOfTestSub(), PythonSources.of(workspace));

        assertThat(afterStop.tests().get("t.py::test_sub").blocks())
                .containsExactlyInAnyOrder("calc.py::add", "calc.py::sub");
        assertThat(afterStop.tests().get("t.py::test_sub").runs()).isEqualTo(2);
        assertThat(afterStop.tests().get("t.py::test_sub").failures()).isEqualTo(1);
    }

    @Test
    void anIncrementalRunLeavesTheTestsThatDidNotRunAlone() throws Exception {
        ImpactMap first = mapBeforeAChange();

        ImpactMap afterStop =
                ImpactMapUpdate.apply(Optional.of(first), stoppedRunOfTestSub(), PythonSources.of(workspace));

        assertThat(afterStop.tests().get("t.py::test_add"))
                .as("did not run: untouched")
                .isEqualTo(first.tests().get("t.py::test_add"));
    }

    @Test
    void aRunThatStoppedEarlyLeavesTheChecksums() throws Exception {
        ImpactMap first = mapBeforeAChange();

        ImpactMap afterStop =
                ImpactMapUpdate.apply(Optional.of(first), stoppedRunOfTestSub(), PythonSources.of(workspace));

        assertThat(afterStop.checksums())
                .as("stopped early: the change stays a change")
                .isEqualTo(first.checksums());
    }

    @Test
    void aRunThatCompletedMovesTheChecksums() throws Exception {
        ImpactMap first = mapBeforeAChange();
        RunObservation stopped = stoppedRunOfTestSub();

        ImpactMap afterFull = ImpactMapUpdate.apply(
                Optional.of(first),
                run(false, true, stopped.coverage().byTest(), Map.of(), stopped.events(), LATER),
                PythonSources.of(workspace));

        assertThat(afterFull.checksums().get("calc.py").get("sub"))
                .isNotEqualTo(first.checksums().get("calc.py").get("sub"));
    }

    @Test
    void testsOfARemovedFileLeaveTheMap() throws Exception {
        write("calc.py", "def add(a, b):\n    return a + b\n");
        write("t_old.py", "def test_old():\n    pass\n");
        ImpactMap first = ImpactMapUpdate.apply(
                Optional.empty(),
                run(
                        true,
                        true,
                        Map.of("t_old.py::test_old", Map.of("calc.py", Set.of(2))),
                        Map.of(),
                        List.of(event("t_old.py::test_old", "passed", 0.1)),
                        FIRST),
                PythonSources.of(workspace));
        Files.delete(workspace.resolve("t_old.py"));

        ImpactMap after = ImpactMapUpdate.apply(
                Optional.of(first),
                run(false, true, Map.of(), Map.of(), List.of(), LATER),
                PythonSources.of(workspace));

        assertThat(after.tests()).isEmpty();
    }

    private static RunObservation run(
            boolean full,
            boolean complete,
            Map<String, Map<String, Set<Integer>>> byTest,
            Map<String, Set<Integer>> importTime,
            List<TestEvent> events,
            Instant at) {
        return new RunObservation(
                "c1",
                Map.of("pytest", "7.2.1"),
                new CoverageContexts(byTest, importTime),
                events,
                full,
                complete,
                1_000,
                1,
                Set.of(),
                at);
    }

    private static TestEvent event(String id, String outcome, double seconds) {
        return new TestEvent(id, "call", outcome, seconds, null);
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(workspace.resolve(file), text);
    }
}
