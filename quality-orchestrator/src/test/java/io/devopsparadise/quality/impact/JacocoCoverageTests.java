package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's class files and the probe's data files are untrusted: what does not read is left out, never an error. */
class JacocoCoverageTests {

    @TempDir
    Path workspace;

    @Test
    void classFilesAreFoundInEveryModulesTargetButNotThroughLinksOrInSourcesOrThePlatformsFolder() throws Exception {
        Path classes = Files.createDirectories(workspace.resolve("core/target/classes/shop"));
        Files.write(classes.resolve("Cart.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.write(
                Files.createDirectories(workspace.resolve("core/target/test-classes/shop"))
                        .resolve("CartTest.class"),
                new byte[] {1});
        Files.createSymbolicLink(classes.resolve("Secret.class"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(workspace.resolve("core/target/classes/linked"), Path.of("/usr/lib/jvm"));
        Files.write(
                Files.createDirectories(workspace.resolve(".paradise/runs/x/target/classes"))
                        .resolve("Forged.class"),
                new byte[] {1});

        JacocoCoverage coverage = JacocoCoverage.of(workspace, JavaSources.of(workspace));

        assertThat(coverage.classCount()).isEqualTo(2);
    }

    @Test
    void aDataFileThatIsNotJacocosIsReadAsNoLines() throws Exception {
        Path forged = workspace.resolve("forged.exec");
        Files.writeString(forged, "{\"not\":\"jacoco\"}\n".repeat(100));
        Path truncated = workspace.resolve("truncated.exec");
        Files.write(truncated, new byte[] {0x01, (byte) 0xC0, (byte) 0xC0, 0x10, 0x07, 0x10});

        JacocoCoverage coverage = JacocoCoverage.of(workspace, JavaSources.of(workspace));

        assertThat(coverage.lines(forged)).isEmpty();
        assertThat(coverage.lines(truncated)).isEmpty();
    }
}
