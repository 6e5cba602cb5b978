package io.devopsparadise.quality.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedLinesMeasureTests {

    @TempDir
    Path workspace;

    private Path reports;

    /** Commits calc.py, changes it, and writes the coverage of a run on the change; answers the commit. */
    private String changedSinceACommit() throws Exception {
        String commit;
        try (Git git = Git.init()
                .setDirectory(workspace.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.writeString(workspace.resolve("calc.py"), "def add(a, b):\n    return a + b\n");
            git.add().addFilepattern("calc.py").call();
            commit = git.commit()
                    .setMessage("calc")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .call()
                    .name();
        }
        // one line changed, two added (one a comment, which coverage does not measure), one of them never run
        Files.writeString(
                workspace.resolve("calc.py"),
                "def add(a, b):\n    return b + a\n# a comment\ndef sub(a, b):\n    return a - b\n");
        reports = Files.createDirectories(workspace.resolve(".paradise/reports/r1"));
        Files.writeString(reports.resolve("pytest-coverage.xml"), """
                <?xml version="1.0" ?>
                <coverage version="7.2.7"><sources><source>/workspace</source></sources><packages><package name="."><classes>
                <class name="calc.py" filename="calc.py"><lines>
                <line number="1" hits="1"/><line number="2" hits="1"/><line number="4" hits="1"/><line number="5" hits="0"/>
                </lines></class></classes></package></packages></coverage>
                """);
        return commit;
    }

    @Test
    void countsTheMeasuredLinesChangedSinceTheCommit() throws Exception {
        String commit = changedSinceACommit();

        ChangedLinesCoverage coverage =
                ChangedLinesMeasure.of(workspace, "/workspace", reports, commit).orElseThrow();

        assertThat(coverage.lines())
                .as("lines 2, 4 and 5 changed and are measured; 3 is a comment")
                .isEqualTo(3);
        assertThat(coverage.covered()).isEqualTo(2);
    }

    @Test
    void namesTheChangedLinesNoTestRan() throws Exception {
        String commit = changedSinceACommit();

        ChangedLinesCoverage coverage =
                ChangedLinesMeasure.of(workspace, "/workspace", reports, commit).orElseThrow();

        assertThat(coverage.uncovered()).containsExactly(new ChangedLinesCoverage.FileLines("calc.py", List.of(5)));
    }

    @Test
    void measuresNothingSinceACommitTheRepositoryDoesNotHave() throws Exception {
        changedSinceACommit();

        assertThat(ChangedLinesMeasure.of(workspace, "/workspace", reports, "0123456789abcdef0123456789abcdef01234567"))
                .as("a commit the repository does not have")
                .isEmpty();
    }
}
