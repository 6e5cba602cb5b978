package io.devopsparadise.quality.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.Baseline;
import io.devopsparadise.contracts.quality.BaselineFindings;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTests {

    @TempDir
    Path workspace;

    @Test
    void aFindingKeepsItsFingerprintWhenLinesAboveItMove() throws Exception {
        Files.writeString(workspace.resolve("a.py"), "import os\nx = 1\n");
        String before = new Fingerprints(workspace, "/workspace").of(unused("./a.py", 1));
        Files.writeString(workspace.resolve("a.py"), "# a new comment\n\n\nimport os\nx = 1\n");
        String after = new Fingerprints(workspace, "/workspace").of(unused("/workspace/a.py", 4));

        assertThat(after).isEqualTo(before);
        assertThat(new Fingerprints(workspace, "/workspace").of(unused("a.py", 5)))
                .as("another line, another identity")
                .isNotEqualTo(before);
    }

    @Test
    void aFindingInAFileLinkedOutOfTheWorkspaceIsNotReadThroughTheLink() throws Exception {
        Path secret = Files.writeString(Files.createTempDirectory("outside").resolve("token"), "s3cret-token\n");
        Files.createSymbolicLink(workspace.resolve("link.py"), secret);
        Fingerprints fingerprints = new Fingerprints(workspace, "/workspace");

        assertThat(fingerprints.of(unused("link.py", 1)))
                .as("identified by its message, the linked file unread")
                .isEqualTo(fingerprints.of(
                        new Finding("flake8", "F401", Severity.LOW, "link.py", 0, "'os' imported but unused")));
        assertThat(fingerprints.of(unused("../../etc/passwd", 1)))
                .isEqualTo(fingerprints.of(new Finding(
                        "flake8", "F401", Severity.LOW, "../../etc/passwd", 0, "'os' imported but unused")));
    }

    private static final TestCaseResult FAILED_BEFORE =
            new TestCaseResult("test_a", "test_one", null, TestStatus.FAILED, 0, "boom");

    /** A baseline holding one copy of finding f1 and the failure of test_one. */
    private static Gate gate() {
        return new Gate(new BaselineFindings(
                new Baseline("r1", "abc", "main", "the latest stored run on main"),
                Map.of("f1", 1),
                List.of("pytest " + FAILED_BEFORE.key())));
    }

    @Test
    void onlyCopiesBeyondTheBaselinesCountAreNew() {
        Finding existing = unused("a.py", 1).withFingerprint("f1");
        Finding other = unused("b.py", 1).withFingerprint("f2");

        ToolOutcome findings =
                gate().marked(ToolOutcome.findings("flake8", ToolCategory.LINT, 1, List.of(existing, existing, other)));

        assertThat(findings.findings()).extracting(Finding::introduced).containsExactly(false, true, true);
    }

    @Test
    void onlyTestsThatPassedInTheBaselineAreNewFailures() {
        TestCaseResult failsNow = new TestCaseResult("test_a", "test_two", null, TestStatus.FAILED, 0, "boom");
        TestCaseResult passes = new TestCaseResult("test_a", "test_three", null, TestStatus.PASSED, 0, null);

        ToolOutcome tests = gate().marked(ToolOutcome.tests(
                "pytest", ToolCategory.UNIT, ToolStatus.FAILED, 1, List.of(FAILED_BEFORE, failsNow, passes), null));

        assertThat(tests.tests()).extracting(TestCaseResult::introduced).containsExactly(false, true, null);
    }

    @Test
    void aBaselineChoiceThatIsNotOneOfTheThreeFormsIsRefusedWithTheFormsNamed() {
        assertThat(BaselineChoice.parse("commit:ABCDEF1", "main")).isEqualTo(new BaselineChoice("commit", "abcdef1"));
        assertThat(BaselineChoice.parse(null, "trunk")).isEqualTo(BaselineChoice.branch("trunk"));
        for (String bad : List.of("yesterday", "commit:xyz", "branch:a b", "branch:$(rm -rf /)")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BaselineChoice.parse(bad, "main"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseline");
        }
    }

    private static Finding unused(String file, int line) {
        return new Finding("flake8", "F401", Severity.LOW, file, line, "'os' imported but unused");
    }
}
