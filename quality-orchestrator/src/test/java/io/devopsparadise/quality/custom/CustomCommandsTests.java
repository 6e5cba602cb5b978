package io.devopsparadise.quality.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.contracts.instances.ExecResult;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runners a run gets from the profile's and the workspace's commands, and how a command's report is read. */
class CustomCommandsTests {

    private static final Duration PROFILE_TIMEOUT = Duration.ofMinutes(10);
    private static final Set<ToolCategory> STANDARD =
            Set.of(ToolCategory.UNIT, ToolCategory.LINT, ToolCategory.SECURITY);

    @TempDir
    Path root;

    /** A detected tool, as the orchestrator's runner beans are. */
    private record Detected(String tool, ToolCategory category) implements ToolRunner {

        @Override
        public boolean appliesTo(RunContext context) {
            return true;
        }

        @Override
        public List<String> command(RunContext context) {
            return List.of(tool);
        }

        @Override
        public String installHint() {
            return "";
        }

        @Override
        public ToolOutcome collect(RunContext context, ExecResult result) {
            return ToolOutcome.findings(tool, category, 0, List.of());
        }
    }

    private static final List<ToolRunner> DETECTED = List.of(
            new Detected("pytest", ToolCategory.UNIT),
            new Detected("flake8", ToolCategory.LINT),
            new Detected("bandit", ToolCategory.SECURITY));

    private static CustomToolsProperties.ToolProperties tool(
            String name, String category, List<String> command, String replaces, Duration timeout) {
        return new CustomToolsProperties.ToolProperties(
                name,
                category,
                command,
                new CustomToolsProperties.ReportProperties("junit", "{reports}/" + name + ".xml"),
                null,
                timeout,
                replaces);
    }

    private static CustomCommands commands(CustomToolsProperties.ToolProperties... profileTools) {
        return new CustomCommands(
                new CustomToolsProperties(
                        Map.of("standard", new CustomToolsProperties.ProfileTools(List.of(profileTools)))),
                profile -> PROFILE_TIMEOUT,
                DETECTED.stream().map(ToolRunner::tool).toList());
    }

    private RunContext context() throws Exception {
        Files.createDirectories(root.resolve(".paradise/reports/r1"));
        return new RunContext(
                "r1",
                Instant.now(),
                new WorkspaceDetector().detect(root),
                root.toString(),
                ".paradise/reports/r1",
                List.of(),
                null,
                new Toolbox("/usr/bin/python3", "/app/node_modules", "/usr/bin/chromium", "mvn", null));
    }

    private RunPlan plan(CustomCommands commands) throws Exception {
        return commands.plan("standard", STANDARD, PROFILE_TIMEOUT, context(), DETECTED);
    }

    private void paradiseYml(String yaml) throws Exception {
        Files.writeString(root.resolve(".paradise.yml"), yaml);
    }

    private static List<String> tools(RunPlan plan) {
        return plan.runners().stream().map(ToolRunner::tool).toList();
    }

    @Test
    void aCommandStandsInForTheDetectedToolItReplaces() throws Exception {
        paradiseYml("""
                tools:
                  - {name: unit-tests, category: unit, command: [make, test], report: {format: junit, path: "{reports}/u.xml"}, replaces: pytest}
                  - {name: bandit, category: security, command: [bandit, -r, src, -f, json, -o, "{reports}/b.json"],
                     report: {format: bandit-json, path: "{reports}/b.json"}}
                """);

        RunPlan plan = plan(commands());

        assertThat(tools(plan)).containsExactly("flake8", "unit-tests", "bandit");
        assertThat(plan.runners().get(2)).isInstanceOf(CustomCommandRunner.class);
        assertThat(plan.refused()).isEmpty();
    }

    @Test
    void aCommandInACategoryTheProfileDoesNotRunReplacesNothing() throws Exception {
        paradiseYml(
                "tools: [{name: e2e, category: e2e, command: [npx, playwright, test], report: {format: junit, path: \"{reports}/e.xml\"}, "
                        + "replaces: pytest}]");

        assertThat(tools(plan(commands()))).contains("pytest");
    }

    /** The profile's integration and smoke commands, and the workspace's own smoke command. */
    private RunPlan planWithTheWorkspacesSmokeCommand() throws Exception {
        CustomCommands commands = commands(
                tool("integration", "unit", List.of("make", "it"), null, null),
                tool("smoke", "unit", List.of("make", "smoke"), null, null));
        paradiseYml(
                "tools: [{name: smoke, category: unit, command: [./smoke.sh], report: {format: junit, path: \"{reports}/s.xml\"}}]");
        return plan(commands);
    }

    @Test
    void theWorkspacesCommandsJoinTheProfiles() throws Exception {
        assertThat(tools(planWithTheWorkspacesSmokeCommand()))
                .containsExactly("pytest", "flake8", "bandit", "integration", "smoke");
    }

    @Test
    void theWorkspaceOverridesAProfilesCommandByName() throws Exception {
        assertThat(planWithTheWorkspacesSmokeCommand().runners().get(4).command(context()))
                .containsExactly("./smoke.sh");
    }

    /** A .paradise.yml whose command is a string, not an array. */
    private RunPlan planWithAnInvalidParadiseYml() throws Exception {
        paradiseYml("""
                tools:
                  - name: unit-tests
                    category: unit
                    command: "python3 -m pytest -q"
                    report: {format: junit, path: "{reports}/u.xml"}
                    replaces: pytest
                """);
        return plan(commands());
    }

    @Test
    void theDetectedToolsStillRunBesideAnInvalidParadiseYml() throws Exception {
        assertThat(tools(planWithAnInvalidParadiseYml())).containsExactly("pytest", "flake8", "bandit");
    }

    @Test
    void anInvalidParadiseYmlIsAnErrorNamedAfterTheFile() throws Exception {
        ToolOutcome refused = planWithAnInvalidParadiseYml().refused().get(0);
        assertThat(refused.tool()).isEqualTo(".paradise.yml");
        assertThat(refused.status()).isEqualTo(ToolStatus.ERROR);
        assertThat(refused.category()).isEqualTo(ToolCategory.UNIT);
        assertThat(refused.detail())
                .isEqualTo(
                        ".paradise.yml: line 4: tools[0].command must be an array of strings, e.g. [\"pytest\", \"-q\"]; "
                                + "a string is never run through a shell (none of its tools ran; the detected tools did)");
    }

    @Test
    void aWorkspaceCannotTakeLongerThanTheProfileAllowsNorReplaceAToolThatDoesNotExist() throws Exception {
        paradiseYml("""
                tools:
                  - {name: slow, category: unit, command: [make], report: {format: junit, path: "{reports}/u.xml"}, timeout: 11m}
                  - {name: typo, category: unit, command: [make], report: {format: junit, path: "{reports}/t.xml"}, replaces: pytests}
                """);

        assertThat(plan(commands()).refused().get(0).detail())
                .isEqualTo(".paradise.yml: line 2: tools[0].timeout 11m is longer than the "
                        + "profile's tool-timeout 10m; line 3: tools[1].replaces 'pytests', which is not a tool the orchestrator runs; known: "
                        + "[bandit, flake8, pytest] (none of its tools ran; the detected tools did)");
    }

    @Test
    void aProfilesCommandThatBreaksARuleStopsTheOrchestratorFromStarting() {
        assertThatThrownBy(() -> commands(tool("unit", "unit", List.of("pytest -q"), null, null)))
                .hasMessage(
                        "quality profile standard: tools[0].command is one string with spaces ('pytest -q'); it is never run through a "
                                + "shell: give an array of strings, e.g. [\"pytest\", \"-q\"]");
        assertThatThrownBy(() -> commands(tool("unit", "unit", List.of("pytest"), null, Duration.ofHours(1))))
                .hasMessage(
                        "quality profile standard: tools[0].timeout 1h is longer than the profile's tool-timeout 10m");
        assertThatThrownBy(() -> commands(tool("unit", "fuzz", List.of("pytest"), null, null)))
                .hasMessageStartingWith("quality profile standard: tools[0].category must be one of");
        assertThatThrownBy(() -> commands(new CustomToolsProperties.ToolProperties(
                        "unit",
                        "unit",
                        List.of("pytest"),
                        new CustomToolsProperties.ReportProperties("junit", "/tmp/u.xml"),
                        null,
                        null,
                        null)))
                .hasMessageStartingWith(
                        "quality profile standard: tools[0].report.path must be inside the run's report directory");
        assertThat(commands(tool("unit", "unit", List.of("pytest"), null, null)).profileTools("standard"))
                .singleElement()
                .extracting(CustomTool::source)
                .isEqualTo("profile standard: tools[0]");
    }

    @Test
    void aCommandTakesItsOwnTimeoutWhenShorterThanTheProfiles() throws Exception {
        paradiseYml(
                "tools: [{name: quick, category: unit, command: [make], report: {format: junit, path: \"{reports}/u.xml\"}, timeout: 90s}]");

        ToolRunner quick = plan(commands()).runners().get(3);

        assertThat(quick.timeout(PROFILE_TIMEOUT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(quick.timeout(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void reportSymlinkedToAdminTokenIsNeverRead() throws Exception {
        Path secret = Files.writeString(
                Files.createTempFile("admin-token", ".xml"),
                "<testsuite><testcase name=\"ADMIN_TOKEN_s3cr3t\"/></testsuite>");
        try {
            ToolRunner runner = junitCommand("{reports}/unit.xml");
            Files.createSymbolicLink(context().reportOnHost("unit.xml"), secret);

            ToolOutcome outcome = runner.collect(context(), new ExecResult(0, "", "", 5, false));

            assertThat(outcome.status()).isEqualTo(ToolStatus.ERROR);
            assertThat(outcome.tests()).isEmpty();
            assertThat(outcome.detail())
                    .contains("report {reports}/unit.xml is a symbolic link; not followed, not read")
                    .doesNotContain("s3cr3t");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void reportInADirectorySymlinkedOutOfTheReportDirectoryIsNeverRead() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        try {
            Files.writeString(outside.resolve("unit.xml"), "<testsuite><testcase name=\"s3cr3t\"/></testsuite>");
            ToolRunner runner = junitCommand("{reports}/sub/unit.xml");
            Files.createSymbolicLink(context().reportOnHost("sub"), outside);

            ToolOutcome outcome = runner.collect(context(), new ExecResult(0, "", "", 5, false));

            assertThat(outcome.status()).isEqualTo(ToolStatus.ERROR);
            assertThat(outcome.detail())
                    .contains("report {reports}/sub/unit.xml: sub is a symbolic link; not followed")
                    .doesNotContain("s3cr3t");
        } finally {
            Files.delete(outside.resolve("unit.xml"));
            Files.delete(outside);
        }
    }

    @Test
    void aMissingOrMalformedReportIsAnErrorNamingTheConfiguredPath() throws Exception {
        ToolRunner runner = junitCommand("{reports}/unit.xml");

        assertThat(runner.collect(context(), new ExecResult(2, "", "boom", 5, false))
                        .detail())
                .isEqualTo(
                        "unit-tests (.paradise.yml: line 1: tools[0]): wrote no junit report at {reports}/unit.xml (exit 2): boom");
        Files.writeString(context().reportOnHost("unit.xml"), "<html/>");
        assertThat(runner.collect(context(), new ExecResult(0, "", "", 5, false))
                        .detail())
                .contains(
                        "Cannot read the JUnit XML report {reports}/unit.xml: the root element is neither <testsuites> nor <testsuite>");
    }

    @Test
    void theProjectsOwnLinterIsJudgedNotAdvice() throws Exception {
        paradiseYml("tools: [{name: style, category: lint, command: [flake8, \"--output-file={reports}/f.txt\"], "
                + "report: {format: flake8, path: \"{reports}/f.txt\"}}]");
        ToolRunner style = plan(commands()).runners().get(3);
        Files.writeString(context().reportOnHost("f.txt"), "app.py::1::1::F401::'os' imported but unused\n");

        ToolOutcome outcome = style.collect(context(), new ExecResult(1, "", "", 5, false));

        assertThat(outcome.status()).isEqualTo(ToolStatus.PASSED);
        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.advisory()).isFalse();
        assertThat(outcome.category()).isEqualTo(ToolCategory.LINT);
    }

    @Test
    void aCommandThatFailsWithoutAFailingTestIsAnError() throws Exception {
        ToolRunner runner = junitCommand("{reports}/unit.xml");
        Files.writeString(
                context().reportOnHost("unit.xml"), "<testsuite><testcase classname=\"t\" name=\"ok\"/></testsuite>");

        ToolOutcome outcome = runner.collect(context(), new ExecResult(1, "", "coverage below 90%", 5, false));

        assertThat(outcome.status()).isEqualTo(ToolStatus.ERROR);
        assertThat(outcome.tests()).hasSize(1);
        assertThat(outcome.detail())
                .isEqualTo("the command exited 1 though its report lists no failing test: coverage below 90%");
    }

    private ToolRunner junitCommand(String path) throws Exception {
        paradiseYml("tools: [{name: unit-tests, category: unit, command: [make, test], report: {format: junit, path: \""
                + path + "\"}}]");
        return plan(commands()).runners().get(3);
    }
}
