package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules every integration class of every module keeps, read from their sources: none can hang the build. */
class IntegrationTestRulesTests {

    @Test
    void everyIntegrationClassHasATimeout() {
        assertThat(integrationClasses())
                .isNotEmpty()
                .allSatisfy(source -> assertThat(read(source))
                        .as(RepoPaths.root().relativize(source).toString())
                        .contains("@Timeout("));
    }

    private static List<Path> integrationClasses() {
        try (Stream<Path> files = Files.walk(RepoPaths.root(), 12)) {
            return files.filter(path -> path.toString().contains("/src/test/java/")
                            && !path.toString().contains("/target/"))
                    .filter(path -> path.getFileName().toString().endsWith("IntegrationTests.java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
