package io.devopsparadise.quality.projectrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExcludePatternsTests {

    @Test
    void matchesAsPythonsFnmatchDoes() {
        assertThat(ExcludePatterns.matches("*.egg", "dist.egg")).isTrue();
        assertThat(ExcludePatterns.matches("test_?.py", "test_a.py")).isTrue();
        assertThat(ExcludePatterns.matches("test_?.py", "test_ab.py")).isFalse();
        assertThat(ExcludePatterns.matches("[a-c]*.py", "b_module.py")).isTrue();
        assertThat(ExcludePatterns.matches("[a-c]*.py", "d_module.py")).isFalse();
        assertThat(ExcludePatterns.matches("[!a-c]*.py", "d_module.py")).isTrue();
        assertThat(ExcludePatterns.matches("docs/*", "docs/conf.py")).isTrue();
        assertThat(new ExcludePatterns(List.of("build", "docs/*"))
                        .kept(List.of("build/x.py", "docs/conf.py", "pkg/a.py")))
                .containsExactly("pkg/a.py");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void aGlobBuiltToBacktrackForEverIsMatchedInLinearTime() {
        String glob = "*a".repeat(20) + "*b";
        String text = "a".repeat(200);

        assertThat(ExcludePatterns.matches(glob, text)).isFalse();
        assertThat(ExcludePatterns.matches(glob, text + "b")).isTrue();
    }
}
