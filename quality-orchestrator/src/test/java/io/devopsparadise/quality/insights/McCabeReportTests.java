package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.McCabeReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complexity of every function, from Debian's flake8 and its mccabe plugin run on a file written for the test. */
class McCabeReportTests {

    @TempDir
    Path dir;

    @Test
    void everyFunctionIsReportedWithItsComplexity() throws Exception {
        Files.writeString(dir.resolve("shapes.py"), """
                def plain():
                    return 1


                def branches(n):
                    if n > 0:
                        return 1
                    elif n < 0:
                        return -1
                    for i in range(3):
                        n += i
                    return 0


                class Box:
                    def size(self, n):
                        if n:
                            return n
                        return 0
                """);
        Process flake8 = new ProcessBuilder(McCabeReport.command().stream()
                        .map(a -> a.equals("python3") ? "/usr/bin/python3" : a)
                        .toList())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(flake8.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(flake8.waitFor(1, TimeUnit.MINUTES)).isTrue();

        Map<String, FileComplexity> files = McCabeReport.parse(output);

        assertThat(files).containsOnlyKeys("shapes.py");
        assertThat(files.get("shapes.py").functions())
                .extracting(f -> f.function() + "=" + f.complexity())
                .containsExactlyInAnyOrder("plain=1", "branches=4", "Box.size=2");
        assertThat(files.get("shapes.py").total()).isEqualTo(7);
        assertThat(files.get("shapes.py").highest()).isEqualTo(4);
    }

    @Test
    void linesOfAnotherFormAreSkipped() {
        assertThat(McCabeReport.parse("""
                ./a.py:3:1: C901 'f' is too complex (2)
                ./a.py:9:1: E501 line too long (120 > 79 characters)
                Traceback (most recent call last):
                b.py:1:1: C901 'g' is too complex (not a number)
                """)).containsOnlyKeys("a.py");
    }
}
