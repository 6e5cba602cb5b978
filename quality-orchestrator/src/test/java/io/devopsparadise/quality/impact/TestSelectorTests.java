package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety rules, on a small real Git workspace and an impact map as coverage would have measured it: which tests a
 * change selects, and why.
 */
class TestSelectorTests {

    private static final Map<String, String> ENVIRONMENT = Map.of("python", "3.11.2", "pytest", "7.2.1");

    @TempDir
    Path workspace;

    private Git git;
    private String commit;

    @BeforeEach
    void workspaceWithTests() throws Exception {
        write("calc/__init__.py", "");
        write(
                "calc/ops.py",
                "import math\n\nSCALE = 2\n\n\ndef add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n\n\n"
                        + "def helper():\n    return 1\n");
        write("calc/api.py", "from calc.ops import add\n\n\ndef total(items):\n    return sum(items)\n");
        write("tests/conftest.py", "import pytest\n");
        write(
                "tests/test_ops.py",
                "from calc.ops import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_sub():\n    assert sub(3, 2) == 1\n");
        write("tests/test_api.py", "from calc.api import total\n\n\ndef test_total():\n    assert total([1]) == 1\n");
        write("tests/unit/test_deep.py", "def test_deep():\n    assert True\n");
        write("README.md", "calc\n");
        write("pyproject.toml", "[project]\nname='calc'\n");
        write("data/table.csv", "a,b\n");
        git = Git.init()
                .setDirectory(workspace.toFile())
                .setInitialBranch("main")
                .call();
        git.add().addFilepattern(".").call();
        commit = git.commit()
                .setMessage("calc")
                .setAuthor("t", "t@t")
                .setCommitter("t", "t@t")
                .setSign(false)
                .call()
                .getName();
        measured = map(Set.of(), Set.of());
    }

    /** The map as the last run measured it, before the test's change. */
    private ImpactMap measured;

    /** The map coverage measures on this workspace: who ran which function. */
    private ImpactMap map(Set<String> failedLast, Set<String> importTime) {
        PythonSources sources = PythonSources.of(workspace);
        Map<String, ImpactMap.TestRecord> tests = new HashMap<>();
        test(tests, "tests/test_ops.py::test_add", failedLast, "calc/ops.py::add", "tests/test_ops.py::test_add");
        test(tests, "tests/test_ops.py::test_sub", failedLast, "calc/ops.py::sub", "tests/test_ops.py::test_sub");
        test(tests, "tests/test_api.py::test_total", failedLast, "calc/api.py::total", "tests/test_api.py::test_total");
        test(tests, "tests/unit/test_deep.py::test_deep", failedLast, "tests/unit/test_deep.py::test_deep");
        return new ImpactMap(commit, ENVIRONMENT, sources.checksums(), tests, importTime, 200, Instant.now());
    }

    private static void test(
            Map<String, ImpactMap.TestRecord> tests, String id, Set<String> failedLast, String... blocks) {
        tests.put(
                id,
                new ImpactMap.TestRecord(
                        ImpactMap.fileOf(id),
                        Set.of(blocks),
                        100,
                        3,
                        failedLast.contains(id) ? 1 : 0,
                        failedLast.contains(id),
                        Instant.now()));
    }

    private Selection select(ImpactMap map, Map<String, String> environment) {
        PythonSources now = PythonSources.of(workspace);
        return TestSelector.select(new TestSelector.Input(
                Optional.of(map),
                environment,
                Optional.of(List.of(
                        ChangeDetector.sinceCommit(workspace, map.commit()).orElseThrow())),
                null,
                false,
                false,
                now));
    }

    private Selection select() {
        return select(measured, ENVIRONMENT);
    }

    @Test
    void anEditedFunctionSelectsTheTestsThatRanItOnly() throws Exception {
        ImpactMap map = map(Set.of(), Set.of());
        write(
                "calc/ops.py",
                Files.readString(workspace.resolve("calc/ops.py")).replace("return a - b", "return b - a"));

        Selection selection = select(map, ENVIRONMENT);

        assertThat(selection.runAll()).isFalse();
        assertThat(selection.nodeIds()).containsExactly("tests/test_ops.py::test_sub");
        assertThat(selection.paths()).isEmpty();
        assertThat(selection.changedRefs()).containsExactly("calc/ops.py::sub");
        assertThat(selection.reasons()).contains("1 test(s) ran calc/ops.py::sub");
    }

    @Test
    void aModuleStatementSelectsEveryTestFileThatImportsTheModuleEvenThroughAnother() throws Exception {
        write("calc/ops.py", Files.readString(workspace.resolve("calc/ops.py")).replace("SCALE = 2", "SCALE = 3"));

        Selection selection = select();

        assertThat(selection.paths()).containsExactlyInAnyOrder("tests/test_ops.py", "tests/test_api.py");
        assertThat(selection.reasons())
                .anySatisfy(r -> assertThat(r).contains("code that runs at import changed (calc/ops.py::<module>)"));
    }

    @Test
    void aFunctionWhoseBodyRanAtImportSelectsTheModulesImportersLikeAModuleStatement() throws Exception {
        ImpactMap map = map(Set.of(), Set.of("calc/ops.py::helper"));
        write("calc/ops.py", Files.readString(workspace.resolve("calc/ops.py")).replace("return 1", "return 2"));

        assertThat(select(map, ENVIRONMENT).paths())
                .containsExactlyInAnyOrder("tests/test_ops.py", "tests/test_api.py");
    }

    private void changeAFunctionNoTestRan() throws Exception {
        write("calc/ops.py", Files.readString(workspace.resolve("calc/ops.py")).replace("return 1", "return 2"));
    }

    @Test
    void aFunctionNoTestRanSelectsNothing() throws Exception {
        changeAFunctionNoTestRan();

        assertThat(select().isEmpty()).isTrue();
    }

    @Test
    void aFunctionNoTestRanIsTheReasonGiven() throws Exception {
        changeAFunctionNoTestRan();

        assertThat(select().reasons()).contains("no test reaches the changed code");
    }

    @Test
    void aConftestChangeSelectsEveryTestUnderItsDirectory() throws Exception {
        write("tests/conftest.py", "import pytest\n\n\n@pytest.fixture\ndef value():\n    return 1\n");

        Selection selection = select();

        assertThat(selection.paths()).containsExactly("tests/");
        assertThat(selection.runAll()).isFalse();
    }

    @Test
    void aBuildFileRunsEverything() throws Exception {
        write("pyproject.toml", "[project]\nname='calc2'\n");

        assertThat(select().runAll()).isTrue();
        assertThat(select().reasons().get(0))
                .contains("build, configuration or dependency file changed (pyproject.toml)");
    }

    @Test
    void aDataFileRunsEverything() throws Exception {
        write("data/table.csv", "a,b,c\n");

        assertThat(select().reasons().get(0)).contains("data or configuration file changed (data/table.csv)");
    }

    @Test
    void documentationOrRepositoryToolingRunsNothing() throws Exception {
        write("README.md", "calc, the calculator\n");
        write(".github/workflows/ci.yml", "on: push\n");
        write(".mcp.json", "{\"mcpServers\": {}}\n");
        Selection docs = select();
        assertThat(docs.isEmpty()).isTrue();
        assertThat(docs.reasons())
                .contains(
                        "documentation only, no test reads it: README.md",
                        "repository tooling, no test runs it: .github/workflows/ci.yml",
                        "repository tooling, no test runs it: .mcp.json");
    }

    @Test
    void aNewTestFileRunsWhole() throws Exception {
        write("tests/test_new.py", "def test_new():\n    assert True\n");

        Selection selection = select();

        assertThat(selection.paths()).containsExactly("tests/test_new.py");
        assertThat(selection.reasons()).contains("new test file: tests/test_new.py");
    }

    @Test
    void anEditedTestRunsItself() throws Exception {
        write(
                "tests/test_ops.py",
                Files.readString(workspace.resolve("tests/test_ops.py"))
                        .replace("assert add(1, 2) == 3", "assert add(2, 2) == 4"));

        assertThat(select().nodeIds()).containsExactly("tests/test_ops.py::test_add");
    }

    @Test
    void testsThatFailedLastTimeAlwaysRun() {
        Selection selection = select(map(Set.of("tests/test_api.py::test_total"), Set.of()), ENVIRONMENT);

        assertThat(selection.nodeIds()).containsExactly("tests/test_api.py::test_total");
        assertThat(selection.reasons()).contains("1 test(s) failed last time and run again");
    }

    private Selection afterAPytestUpgrade() {
        Map<String, String> upgraded = new HashMap<>(ENVIRONMENT);
        upgraded.put("pytest", "8.0.0");
        return select(map(Set.of(), Set.of()), upgraded);
    }

    @Test
    void aChangedEnvironmentRunsEverything() {
        assertThat(afterAPytestUpgrade().runAll()).isTrue();
    }

    @Test
    void aChangedEnvironmentNamesWhatChanged() {
        assertThat(afterAPytestUpgrade().reasons().get(0)).contains("(pytest)");
    }

    @Test
    void aDocstringOnlyChangeRunsNothingUnlessTheProjectRunsDoctests() throws Exception {
        write(
                "calc/ops.py",
                Files.readString(workspace.resolve("calc/ops.py"))
                        .replace("def add(a, b):\n", "def add(a, b):\n    \"\"\"Adds.\"\"\"\n"));
        ImpactMap map = map(Set.of(), Set.of());
        PythonSources now = PythonSources.of(workspace);
        var changes = Optional.of(
                List.of(ChangeDetector.sinceCommit(workspace, commit).orElseThrow()));

        Selection plain = TestSelector.select(
                new TestSelector.Input(Optional.of(map), ENVIRONMENT, changes, null, false, false, now));
        Selection doctests = TestSelector.select(
                new TestSelector.Input(Optional.of(map), ENVIRONMENT, changes, null, false, true, now));

        assertThat(plain.isEmpty()).isTrue();
        assertThat(plain.reasons())
                .contains("only comments or docstrings changed in calc/ops.py: no behaviour changed");
        assertThat(doctests.paths()).containsExactly("calc/ops.py");
    }

    @Test
    void withoutAMapOrWithoutGitEverythingRuns() {
        PythonSources now = PythonSources.of(workspace);

        Selection noMap = TestSelector.select(
                new TestSelector.Input(Optional.empty(), ENVIRONMENT, Optional.of(List.of()), null, false, false, now));
        Selection noGit = TestSelector.select(new TestSelector.Input(
                Optional.of(map(Set.of(), Set.of())), ENVIRONMENT, Optional.empty(), null, false, false, now));
        Selection forced = TestSelector.select(new TestSelector.Input(
                Optional.of(map(Set.of(), Set.of())),
                ENVIRONMENT,
                Optional.of(List.of()),
                "the nightly profile runs every test",
                false,
                false,
                now));

        assertThat(noMap.runAll()).isTrue();
        assertThat(noMap.reasons().get(0)).contains("no impact map");
        assertThat(noGit.runAll()).isTrue();
        assertThat(noGit.reasons().get(0)).contains("Git cannot say what changed");
        assertThat(forced.reasons()).containsExactly("the nightly profile runs every test");
    }

    @Test
    void aSourceFileLinkedToASecretOfTheHostIsNeverRead() throws Exception {
        Path secret = Files.writeString(
                Files.createTempFile("secret", ".py"), "def leaked_secret_name():\n    return 'hunter2'\n");
        Files.createSymbolicLink(workspace.resolve("calc/evil.py"), secret);

        Selection selection = select();

        assertThat(String.join(" ", selection.reasons()) + selection.changedRefs())
                .doesNotContain("leaked_secret_name")
                .doesNotContain("hunter2");
        assertThat(PythonSources.of(workspace).files()).doesNotContain("calc/evil.py");
    }

    @Test
    void aClassHeaderANewNameOrAMovedDefinitionChangesWhatImportingTheModuleGives() throws Exception {
        write("calc/shapes.py", "class Stack(list):\n    def push(self, x):\n        self.append(x)\n");
        write("tests/test_shapes.py", "from calc.shapes import Stack\n\n\ndef test_push():\n    Stack().push(1)\n");
        git.add().addFilepattern(".").call();
        String shapes = git.commit()
                .setMessage("shapes")
                .setAuthor("t", "t@t")
                .setCommitter("t", "t@t")
                .setSign(false)
                .call()
                .getName();
        Map<String, ImpactMap.TestRecord> tests = new HashMap<>(measured.tests());
        test(
                tests,
                "tests/test_shapes.py::test_push",
                Set.of(),
                "calc/shapes.py::Stack.push",
                "tests/test_shapes.py::test_push");
        ImpactMap map = new ImpactMap(
                shapes, ENVIRONMENT, PythonSources.of(workspace).checksums(), tests, Set.of(), 200, Instant.now());

        write("calc/shapes.py", "class Stack(object):\n    def push(self, x):\n        self.append(x)\n");
        assertThat(select(map, ENVIRONMENT).paths()).as("a new base class").contains("tests/test_shapes.py");
        write(
                "calc/shapes.py",
                "class Stack(list):\n    def push(self, x):\n        self.append(x)\n\n\ndef add(a, b):\n    return 0\n");
        assertThat(select(map, ENVIRONMENT).paths())
                .as("a new name (shadowing an import)")
                .contains("tests/test_shapes.py");
        write(
                "calc/ops.py",
                Files.readString(workspace.resolve("calc/ops.py")).replace("def add(a, b):\n    return a + b\n\n\n", "")
                        + "\n\ndef add(a, b):\n    return a + b\n");
        assertThat(select(map, ENVIRONMENT).paths())
                .as("a definition moved below its uses")
                .contains("tests/test_ops.py", "tests/test_api.py");
    }

    /** test_sub failed last time and is gone since; the file now holds a test the map does not know. */
    private Selection afterAFailedTestIsReplacedByAnUnknownOne() throws Exception {
        ImpactMap map = map(Set.of("tests/test_ops.py::test_sub"), Set.of());
        write(
                "tests/test_ops.py",
                "from calc.ops import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\nclass Mixin:\n"
                        + "    def test_inherited(self):\n        assert sub(3, 2) == 1\n");
        return select(map, ENVIRONMENT);
    }

    @Test
    void aFailedTestThatIsGoneSinceIsNeverPassedByItsId() throws Exception {
        assertThat(afterAFailedTestIsReplacedByAnUnknownOne().nodeIds())
                .noneSatisfy(id -> assertThat(id).contains("test_sub").contains("Mixin"));
    }

    @Test
    void anUnknownChangedTestRunsItsFile() throws Exception {
        assertThat(afterAFailedTestIsReplacedByAnUnknownOne().paths()).contains("tests/test_ops.py");
    }

    private void write(String file, String text) throws Exception {
        Path path = workspace.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
