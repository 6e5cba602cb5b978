package io.devopsparadise.quality.projectrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuffAsFlake8Tests {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/ruff-project");

    private static RuffSettings settings(Optional<List<String>> select, List<String> ignore) {
        return new RuffSettings(
                "pyproject.toml", select, List.of(), ignore, 88, 10, Map.of(), Optional.empty(), List.of());
    }

    @Test
    void ruffsDefaultSelectionWithItsIgnoresBecomesFlake8Options() {
        RuffAsFlake8 translation = new RuffAsFlake8(settings(Optional.empty(), List.of("E731", "E741")));

        assertThat(translation.rules())
                .containsExactly("--select=E4,E7,E9,F", "--extend-ignore=E731,E741", "--max-line-length=88");
        assertThat(translation.options()).first().isEqualTo("--isolated");
        assertThat(translation.options())
                .contains("--exclude=" + String.join(",", RuffAsFlake8.DEFAULT_EXCLUDE) + ",.paradise");
    }

    @Test
    void aWholeRuffConfigurationBecomesFlake8OptionsAsFarAsFlake8Goes() {
        RuffSettings ruff = new RuffSettings(
                "ruff.toml",
                Optional.of(List.of("E", "W", "F", "I", "UP", "B", "C")),
                List.of("C901"),
                List.of("D203", "E501"),
                100,
                12,
                Map.of("tests/*", List.of("S101", "E402"), "__init__.py", List.of("F401"), "docs/*", List.of("D100")),
                Optional.of(List.of("generated")),
                List.of("vendor", "bad dir"));

        RuffAsFlake8 translation = new RuffAsFlake8(ruff);

        assertThat(translation.rules())
                .containsExactly(
                        "--select=E,W,F,C90,C901",
                        "--extend-ignore=E501",
                        "--max-line-length=100",
                        "--max-complexity=12",
                        "--per-file-ignores=__init__.py:F401 tests/*:E402");
        assertThat(translation.options())
                .contains("--exclude=generated,.paradise", "--extend-exclude=vendor,.paradise");
        assertThat(translation.dropped()).contains("I", "UP", "B", "D203", "S101", "D100", "bad dir");
    }

    @Test
    void aSelectionWithoutFlake8CounterpartSelectsNothing() {
        assertThat(new RuffAsFlake8(settings(Optional.of(List.of("I", "UP")), List.of())).selectsNothing())
                .isTrue();
    }

    @Test
    void readsRuffsSettingsFromPyproject() {
        ProjectRules rules = ProjectRulesReader.read(FIXTURE);

        assertThat(rules.configures("ruff")).isTrue();
        RuffSettings ruff = rules.ruff().orElseThrow();
        assertThat(ruff.select()).contains(List.of("E4", "E7", "E9", "F"));
        assertThat(ruff.ignore()).containsExactly("E731", "E741");
        assertThat(ruff.lineLength()).isEqualTo(100);
    }

    /** The fixture breaks E731, E741, F401 and E501; Ruff's rules select none but F401 of them. */
    @Test
    void realFlake8WithTheTranslatedRulesReportsWhatRuffWould(@TempDir Path out) throws Exception {
        RuffAsFlake8 translation =
                new RuffAsFlake8(ProjectRulesReader.read(FIXTURE).ruff().orElseThrow());
        List<String> command = new ArrayList<>(
                List.of("flake8", "--format=%(code)s", "--output-file=" + out.resolve("report.txt"), "--exit-zero"));
        command.addAll(translation.options());
        command.add(".");

        Process flake8 = new ProcessBuilder(command)
                .directory(FIXTURE.toFile())
                .redirectErrorStream(true)
                .start();
        String console = new String(flake8.getInputStream().readAllBytes());
        assertThat(flake8.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(flake8.exitValue()).as(console).isZero();
        assertThat(Files.readAllLines(out.resolve("report.txt"))).containsExactly("F401");
    }
}
