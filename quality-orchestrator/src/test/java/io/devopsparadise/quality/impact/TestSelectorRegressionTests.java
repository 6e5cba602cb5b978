package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSelectorRegressionTests {

    @TempDir
    Path workspace;

    /**
     * Found by a mutant of toolz's {@code curry.__call__}: the import fallback ran toolz's bench/test_*.py, which the
     * suite never collects; one of them failed to import under the mutant, pytest stopped at the collection error, and
     * none of the 37 tests the mutant broke ran.
     */
    @Test
    void codeRunAtImportSelectsTheSuitesImportersNotTestNamedFilesOutsideIt() throws IOException {
        write("pkg/__init__.py", "");
        write("pkg/mod.py", "X = 1\n");
        write("tests/test_mod.py", "from pkg.mod import X\n\n\ndef test_x():\n    assert X == 1\n");
        write("bench/test_speed.py", "from pkg.mod import X\n\nTABLE = [X] * 1000\n");
        ImpactMap map = new ImpactMap(
                "c0ffee",
                Map.of(),
                Map.of(),
                Map.of(
                        "tests/test_mod.py::test_x",
                        new ImpactMap.TestRecord(
                                "tests/test_mod.py",
                                Set.of("tests/test_mod.py::test_x"),
                                1,
                                1,
                                0,
                                false,
                                Instant.EPOCH)),
                Set.of(),
                0,
                Instant.EPOCH);
        ChangeSet change = new ChangeSet(
                "c0ffee",
                null,
                List.of(new FileChange(
                        "pkg/mod.py",
                        "pkg/mod.py",
                        FileChange.Kind.MODIFIED,
                        List.of(new FileChange.Hunk(1, 2, 1, 2)),
                        List.of(SourceBlocks.MODULE))),
                false);

        Selection selection = TestSelector.select(new TestSelector.Input(
                Optional.of(map),
                Map.of(),
                Optional.of(List.of(change)),
                null,
                false,
                false,
                PythonSources.of(workspace)));

        assertThat(selection.runAll()).isFalse();
        assertThat(selection.paths()).containsExactly("tests/test_mod.py");
    }

    /**
     * Found by the mutants' edit loop: the map was measured with a function edited and not committed; reverting the
     * edit left Git nothing to report, and the tests that ran the edited function were not run again.
     */
    @Test
    void anEditRevertedToTheCommittedTextIsAChangeSinceTheMap() throws IOException {
        String committed = "def f(x):\n    return x + 1\n";
        String edited = "def f(x):\n    return None\n";
        write("pkg/__init__.py", "");
        write("pkg/mod.py", committed);
        write("tests/test_mod.py", "from pkg.mod import f\n\n\ndef test_f():\n    assert f(1) == 2\n");
        Map<String, Map<String, String>> measured = PythonSources.of(workspace).checksums();
        Map<String, Map<String, String>> checksums = new java.util.HashMap<>(measured);
        checksums.put("pkg/mod.py", PythonBlocks.parse(edited).checksums());
        ImpactMap map = new ImpactMap(
                "c0ffee",
                Map.of(),
                checksums,
                Map.of(
                        "tests/test_mod.py::test_f",
                        new ImpactMap.TestRecord(
                                "tests/test_mod.py", Set.of("pkg/mod.py::f"), 1, 1, 0, false, Instant.EPOCH)),
                Set.of(),
                0,
                Instant.EPOCH);

        Selection selection = TestSelector.select(new TestSelector.Input(
                Optional.of(map),
                Map.of(),
                Optional.of(List.of(new ChangeSet("c0ffee", null, List.of(), false))),
                null,
                false,
                false,
                PythonSources.of(workspace)));

        assertThat(selection.changedRefs()).containsExactly("pkg/mod.py::f");
        assertThat(selection.nodeIds()).containsExactly("tests/test_mod.py::test_f");
    }

    private void write(String file, String text) throws IOException {
        Path path = workspace.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
