package io.devopsparadise.quality.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own rules on real repositories (../shared/corpora): boltons gives its test command in tox.ini, toolz
 * configures pytest and coverage in pyproject.toml. The commands the runners build are run here by hand, and the
 * expectations come from pytest's own summary.
 */
class ProjectRulesOnRealRepositoriesTests {

    private static final Path CORPORA =
            Path.of("../../shared/corpora").toAbsolutePath().normalize();
    private static final Pattern SUMMARY_COUNT =
            Pattern.compile("(\\d+) (passed|failed|skipped|xfailed|xpassed|errors?)");

    @TempDir
    static Path clones;

    @BeforeAll
    static void cloneCorpora() throws Exception {
        run(
                clones,
                List.of("git", "clone", "-q", CORPORA.resolve("boltons.bundle").toString(), "boltons"));
        run(
                clones,
                List.of("git", "clone", "-q", CORPORA.resolve("toolz.bundle").toString(), "toolz"));
    }

    @Test
    void boltonsRunsTheTestCommandOfItsToxIni() throws Exception {
        RunContext context = context("boltons");

        List<String> command = new PytestRunner().command(context);

        assertThat(command)
                .containsSubsequence("--doctest-modules", "boltons", "tests")
                .contains("--cov=.");
        assertThat(command).noneMatch(arg -> arg.contains("{"));
        assertTestCountsMatchPytestsSummary(context);
    }

    @Test
    void boltonsConfiguresNeitherFlake8NorPylintSoTheirFindingsAreAdvice() throws Exception {
        RunContext context = context("boltons");

        assertThat(adviceOf(new Flake8Runner(), context).advisory()).isTrue();
        assertThat(adviceOf(new PylintRunner(), context).advisory()).isTrue();
        assertThat(adviceOf(new PylintRunner(), context).detail())
                .contains("the project does not configure pylint; its findings are advice");
        assertThat(new Flake8Runner().command(context)).endsWith(".");
    }

    @Test
    void toolzLeavesTestPathsToPytest() throws Exception {
        List<String> command = new PytestRunner().command(context("toolz"));

        assertThat(command).last().asString().startsWith("--cov-report=xml:");
    }

    @Test
    void toolzMeasuresCoverageAsItsPyprojectSays() throws Exception {
        RunContext context = context("toolz");

        List<String> command = new PytestRunner().command(context);

        assertThat(command).contains("--cov").doesNotContain("--cov=.");
        ToolOutcome outcome = assertTestCountsMatchPytestsSummary(context);
        assertThat(outcome.coverage()).isNotNull();
        String coverage = Files.readString(context.reportOnHost("pytest-coverage.xml"));
        assertThat(coverage)
                .contains("<source>" + context.workspace().root().resolve("toolz") + "</source>")
                .doesNotContain("tlz/")
                .doesNotContain("compatibility.py");
    }

    private static ToolOutcome assertTestCountsMatchPytestsSummary(RunContext context) throws Exception {
        PytestRunner pytest = new PytestRunner();
        long started = System.currentTimeMillis();
        Process process = new ProcessBuilder(pytest.command(context))
                .directory(context.workspace().root().toFile())
                .start();
        String stdout = new String(process.getInputStream().readAllBytes());
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        ToolOutcome outcome = pytest.collect(
                context,
                new ExecResult(process.exitValue(), stdout, stderr, System.currentTimeMillis() - started, false));

        String summary = stdout.lines()
                .filter(line -> line.matches(".*\\d+ (passed|failed).* in [0-9.]+s.*"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(outcome.status()).as(stderr).isIn(ToolStatus.PASSED, ToolStatus.FAILED);
        assertThat(outcome.tests()).as(summary).hasSize(count(summary));
        return outcome;
    }

    private static int count(String summary) {
        Matcher matcher = SUMMARY_COUNT.matcher(summary);
        int total = 0;
        while (matcher.find()) {
            total += Integer.parseInt(matcher.group(1));
        }
        return total;
    }

    private static ToolOutcome adviceOf(FindingsRunner runner, RunContext context) throws Exception {
        Files.writeString(context.reportOnHost(runner.report()), runner.report().endsWith(".json") ? "[]" : "");
        return runner.collect(context, new ExecResult(0, "", "", 1, false));
    }

    private static RunContext context(String repository) throws Exception {
        Path root = clones.resolve(repository);
        DetectedWorkspace workspace = new WorkspaceDetector().detect(root);
        String reportDir = ".paradise/reports/" + repository + "-" + System.nanoTime();
        Files.createDirectories(root.resolve(reportDir));
        return new RunContext(
                "r1",
                Instant.now(),
                workspace,
                root.toString(),
                reportDir,
                List.of(),
                null,
                new Toolbox("/usr/bin/python3", "/nowhere/node_modules", "/usr/bin/chromium", "mvn", null));
    }

    private static void run(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
