package io.devopsparadise.quality.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import io.devopsparadise.quality.runners.Toolbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture's {@code .paradise.yml} runs real pytest (Debian's) on tests/unit only, in place of the detected pytest;
 * the command is run here as a process instance runs it, and the outcome is compared with pytest's own summary.
 */
class CustomCommandsOnRealPytestTests {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/custom-commands");
    private static final Pattern SUMMARY_COUNT =
            Pattern.compile("(\\d+) (passed|failed|skipped|xfailed|xpassed|errors?)");
    private static final Pattern FAILED = Pattern.compile("(\\d+) failed");

    @TempDir
    Path root;

    @Test
    void theProjectsOwnPytestCommandOnItsUnitTestsCountsWhatPytestCounts() throws Exception {
        copyFixture();
        Files.createDirectories(root.resolve(".paradise/reports/r1"));
        RunContext context = new RunContext(
                "r1",
                Instant.now(),
                new WorkspaceDetector().detect(root),
                root.toString(),
                ".paradise/reports/r1",
                List.of(),
                null,
                new Toolbox("/usr/bin/python3", "/nowhere/node_modules", "/usr/bin/chromium", "mvn", null));
        CustomCommands commands = new CustomCommands(
                new CustomToolsProperties(Map.of()), profile -> Duration.ofMinutes(10), List.of("pytest"));
        RunPlan plan = commands.plan("standard", Set.of(ToolCategory.UNIT), Duration.ofMinutes(10), context, List.of());
        assertThat(plan.refused()).isEmpty();
        ToolRunner unitTests = plan.runners().get(0);

        long started = System.currentTimeMillis();
        Process process = new ProcessBuilder(unitTests.command(context))
                .directory(root.toFile())
                .start();
        String stdout = new String(process.getInputStream().readAllBytes());
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        ToolOutcome outcome = unitTests.collect(
                context,
                new ExecResult(process.exitValue(), stdout, stderr, System.currentTimeMillis() - started, false));

        String summary = stdout.lines()
                .filter(line -> line.matches(".*\\d+ (passed|failed).* in [0-9.]+s.*"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(outcome.tool()).isEqualTo("unit-tests");
        assertThat(outcome.tests()).as(summary + "\n" + stderr).hasSize(count(SUMMARY_COUNT, summary));
        assertThat(outcome.tests().stream().filter(t -> t.status() == TestStatus.FAILED))
                .hasSize(count(FAILED, summary));
        assertThat(outcome.status()).isEqualTo(count(FAILED, summary) > 0 ? ToolStatus.FAILED : ToolStatus.PASSED);
        assertThat(outcome.tests()).noneMatch(t -> t.name().contains("not_part_of_the_unit_command"));
        assertThat(outcome.coverage()).isNotNull();
        assertThat(outcome.coverage().files()).extracting(f -> f.file()).containsExactly("shapes.py");
    }

    private void copyFixture() throws Exception {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path source : files.toList()) {
                Path target = root.resolve(FIXTURE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static int count(Pattern pattern, String summary) {
        Matcher matcher = pattern.matcher(summary);
        int total = 0;
        while (matcher.find()) {
            total += Integer.parseInt(matcher.group(1));
        }
        return total;
    }
}
