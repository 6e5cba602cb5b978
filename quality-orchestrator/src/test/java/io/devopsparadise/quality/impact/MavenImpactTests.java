package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace names the test classes, and a name is never an option or a second pattern on Maven's command line. */
class MavenImpactTests {

    @TempDir
    Path workspace;

    @Test
    void aClassWhoseNameWouldBeAnOptionOrSeveralPatternsIsNotNamedToSurefire() throws Exception {
        List<String> files = List.of(
                "src/test/java/a/OkTest.java",
                "src/test/java/a/-Dmaven.repo.local=x Test.java",
                "src/test/java/a/b,cTest.java",
                "src/test/java/a/..Test.java",
                "src/test/java/a/Star*Test.java");
        for (String file : files) {
            Files.createDirectories(workspace.resolve(file).getParent());
            Files.writeString(workspace.resolve(file), "package a;\nclass T {\n}\n");
        }

        List<String> patterns = MavenImpact.patterns(
                new Selection(false, List.of(), Set.of(), Set.copyOf(files), Set.of()), JavaSources.of(workspace));

        assertThat(patterns).containsExactly("a/OkTest.java");
    }
}
