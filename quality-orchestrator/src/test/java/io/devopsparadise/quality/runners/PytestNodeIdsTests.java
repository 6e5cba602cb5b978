package io.devopsparadise.quality.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node ids for reruns come from JUnit XML the workspace's code wrote: only real files inside the workspace name a test. */
class PytestNodeIdsTests {

    @TempDir
    Path workspace;

    @TempDir
    Path elsewhere;

    @Test
    void aDottedSuiteNameSplitsAtTheLongestPrefixThatIsAFile() throws Exception {
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(workspace.resolve("tests/test_ops.py"), "");

        assertThat(PytestNodeIds.of(workspace, test("tests.test_ops.TestAdd", "test_one[2-3]")))
                .contains("tests/test_ops.py::TestAdd::test_one[2-3]");
        assertThat(PytestNodeIds.of(workspace, test("tests.test_ops", "test_two")))
                .contains("tests/test_ops.py::test_two");
    }

    @Test
    void namesThatAreNoWorkspaceFileGiveNoId() throws Exception {
        Files.writeString(elsewhere.resolve("test_x.py"), "");
        Files.createSymbolicLink(workspace.resolve("linked.py"), elsewhere.resolve("test_x.py"));

        assertThat(PytestNodeIds.of(workspace, test("missing", "test_a"))).isEmpty();
        assertThat(PytestNodeIds.of(workspace, test("linked", "test_a")))
                .as("a link")
                .isEmpty();
        assertThat(PytestNodeIds.of(workspace, test("..", "test_a"))).isEmpty();
        assertThat(PytestNodeIds.of(workspace, test("-rf", "test_a"))).isEmpty();
        assertThat(PytestNodeIds.of(workspace, test(null, "test_a"))).isEmpty();
    }

    private static TestCaseResult test(String suite, String name) {
        return new TestCaseResult(suite, name, null, TestStatus.FAILED, 0, "boom");
    }
}
