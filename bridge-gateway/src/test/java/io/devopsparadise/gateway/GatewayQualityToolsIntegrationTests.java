package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.McpClientProcess;
import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** An MCP client asks for a quality run through the gateway's tools and reads the outcome and its report: all services real. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayQualityToolsIntegrationTests {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @TempDir
    static Path home;

    @TempDir
    static Path workspaces;

    /** One platform for the class: each test is its own client, and a client sees only its own runs. */
    private InstanceManagerProcess manager;

    private ServiceProcess orchestrator;
    private ServiceProcess reports;
    private GatewayContext gateway;

    @BeforeAll
    void start() throws Exception {
        int reportsPort = ServiceProcess.freePort();
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("m")), workspaces);
        orchestrator = ServiceProcess.start(
                "quality-orchestrator",
                Files.createDirectories(home.resolve("q")),
                "--paradise.quality.instance-manager-url=" + manager.url(""),
                "--paradise.quality.report-service-url=http://127.0.0.1:" + reportsPort);
        reports = ServiceProcess.startOn(
                reportsPort,
                "report-service",
                Files.createDirectories(home.resolve("r")),
                "--paradise.reports.home=" + home.resolve("r"),
                "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                "--paradise.reports.instance-manager-url=" + manager.url(""));
        gateway = GatewayContext.start(
                Files.createDirectories(home.resolve("g")),
                manager,
                "--paradise.gateway.quality-orchestrator-url=" + orchestrator.url(""),
                "--paradise.gateway.report-service-url=" + reports.url(""));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable service : new AutoCloseable[] {gateway, reports, orchestrator, manager}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aQuickRunStartedThroughTheGatewayToolsIsReadThroughThem() throws Exception {
        Path workspace = pythonWorkspace("quick");
        Files.writeString(workspace.resolve(".gitignore"), "__pycache__/\n.paradise/\n.coverage\n");
        git(workspace, "init", "-q", "-b", "main");
        git(workspace, "add", ".");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "calc");
        String token = gateway.register("tester", workspace, "everything-process");
        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            assertThat(mcp.list().path("tools").toString()).contains("paradise_quality_run", "paradise_quality_status");
            assertThat(mcp.call("paradise_quality_status", Map.of())
                            .path("result")
                            .toString())
                    .contains("no quality runs yet");
            assertThat(mcp.call("paradise_quality_report", Map.of())
                            .path("result")
                            .toString())
                    .contains("no stored quality run yet");

            JsonNode started =
                    mcp.call("paradise_quality_run", Map.of("profile", "quick")).path("result");
            String runId = started.path("structuredContent").path("runId").asString();
            assertThat(runId).isNotBlank();

            JsonNode status = awaitState(mcp, runId, "FAILED");
            String text = status.path("content").get(0).path("text").asString();
            assertThat(text)
                    .contains("pytest [unit] FAILED: 6 tests, 1 failing")
                    .contains("line coverage 79.4%");

            AtomicReference<JsonNode> report = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        report.set(mcp.call("paradise_quality_report", Map.of()).path("result"));
                        return !report.get().path("isError").asBoolean(false);
                    });
            assertThat(report.get().path("content").get(0).path("text").asString())
                    .contains("quality run FAILED (quick)")
                    .contains("`test_calc › test_add_is_wrong`")
                    .contains("report.html");
            assertThat(report.get().path("structuredContent").path("runId").asString())
                    .isEqualTo(runId);
            assertThat(report.get().path("structuredContent").path("grade").asString())
                    .matches("[A-E]");

            insightsOfTheStoredRun(mcp, reports, runId);
        }
    }

    /** Hotspots take the stored run's coverage; the risk of a one-commit history comes from the stated heuristic. */
    private static void insightsOfTheStoredRun(McpClientProcess mcp, ServiceProcess reports, String runId)
            throws Exception {
        JsonNode stored = JSON.readTree(Http.send("GET", reports.url("/api/runs/" + runId + "/result"), null)
                .body());
        double calcCoverage = 0;
        for (JsonNode tool : stored.path("tools")) {
            for (JsonNode file : tool.path("coverage").path("files")) {
                if (file.path("file").asString().endsWith("calc.py")
                        && !file.path("file").asString().contains("test_")) {
                    calcCoverage = 100.0
                            * file.path("linesCovered").asInt()
                            / file.path("linesValid").asInt();
                }
            }
        }

        JsonNode insights = mcp.call("paradise_insights", Map.of("limit", 3)).path("result");

        assertThat(insights.path("isError").asBoolean()).as(insights.toString()).isFalse();
        JsonNode hotspots = insights.path("structuredContent").path("hotspots");
        assertThat(hotspots.path("coverageRun").asString()).isEqualTo(runId);
        assertThat(hotspots.path("complexity").asString()).startsWith("flake8's mccabe");
        JsonNode calc = java.util.stream.StreamSupport.stream(
                        hotspots.path("hotspots").spliterator(), false)
                .filter(h -> h.path("file").asString().equals("calc.py"))
                .findFirst()
                .orElseThrow();
        assertThat(calc.path("commits").asInt()).isEqualTo(1);
        assertThat(calc.path("coveredPercent").asDouble())
                .isCloseTo(calcCoverage, org.assertj.core.data.Offset.offset(1e-9))
                .isPositive();
        assertThat(insights.path("content").get(0).path("text").asString())
                .contains("Recommended, highest payoff first:")
                .contains("add tests for calc.py: hotspot")
                .contains("Hotspots")
                .contains("- calc.py: score")
                .contains("Risk of working tree");
        assertThat(insights.path("structuredContent")
                        .path("recommendations")
                        .path("latestRun")
                        .asString())
                .isEqualTo(runId);

        JsonNode risk =
                mcp.call("paradise_change_risk", Map.of("commit", "HEAD")).path("result");
        assertThat(risk.path("isError").asBoolean()).as(risk.toString()).isFalse();
        assertThat(risk.path("structuredContent").path("method").asString())
                .startsWith("heuristic")
                .contains("1 commits");
        assertThat(risk.path("structuredContent").path("files").asInt()).isEqualTo(3);

        JsonNode unknown = mcp.call("paradise_change_risk", Map.of("commit", "no-such-branch"))
                .path("result");
        assertThat(unknown.path("isError").asBoolean()).isTrue();
        assertThat(unknown.path("content").get(0).path("text").asString()).contains("has no commit 'no-such-branch'");
        JsonNode option = mcp.call("paradise_change_risk", Map.of("from", "--output=/tmp/x"))
                .path("result");
        assertThat(option.path("content").get(0).path("text").asString()).contains("has no commit '--output=/tmp/x'");
    }

    @Test
    void theReportOfARunTooLargeToStoreNamesTheSettingToRaise() throws Exception {
        Path workspace = pythonWorkspace("oversized");
        // its own orchestrator, followed by a report-service that stores nothing over 300 bytes: a report-service
        // that stores a run acknowledges it, and the orchestrator then forgets it, so a second follower of the shared
        // orchestrator could find the run gone instead of too large
        try (ServiceProcess smallOrchestrator = ServiceProcess.start(
                        "quality-orchestrator",
                        Files.createDirectories(home.resolve("q2")),
                        "--paradise.quality.instance-manager-url=" + manager.url(""));
                ServiceProcess smallReports = ServiceProcess.start(
                        "report-service",
                        Files.createDirectories(home.resolve("r2")),
                        "--paradise.reports.home=" + home.resolve("r2"),
                        "--paradise.reports.orchestrator-url=" + smallOrchestrator.url(""),
                        "--paradise.reports.instance-manager-url=" + manager.url(""),
                        "--paradise.reports.max-run-size=300B");
                GatewayContext smallGateway = GatewayContext.start(
                        Files.createDirectories(home.resolve("g2")),
                        manager,
                        "--paradise.gateway.quality-orchestrator-url=" + smallOrchestrator.url(""),
                        "--paradise.gateway.report-service-url=" + smallReports.url(""))) {
            String token = smallGateway.register("oversized", workspace, "everything-process");
            try (McpClientProcess mcp = McpClientProcess.connect(smallGateway.url("/mcp"), token, false)) {
                String runId = mcp.call("paradise_quality_run", Map.of("profile", "quick"))
                        .path("result")
                        .path("structuredContent")
                        .path("runId")
                        .asString();

                AtomicReference<JsonNode> report = new AtomicReference<>();
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            report.set(mcp.call("paradise_quality_report", Map.of("runId", runId))
                                    .path("result"));
                            return report.get()
                                    .path("content")
                                    .get(0)
                                    .path("text")
                                    .asString()
                                    .contains("not stored");
                        });

                assertThat(report.get().path("isError").asBoolean()).isTrue();
                assertThat(report.get().path("content").get(0).path("text").asString())
                        .contains("Run " + runId + " finished but is not stored")
                        .contains("paradise.reports.max-run-size");
            }
        }
    }

    @Test
    void aChangedOnlyRunAnswersWithItsTestPlanFromTheGivenBase() throws Exception {
        Path workspace = pythonWorkspace("changed");
        Files.writeString(workspace.resolve(".gitignore"), "__pycache__/\n.paradise/\n");
        git(workspace, "init", "-q", "-b", "main");
        git(workspace, "add", ".");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "calc");
        git(workspace, "checkout", "-q", "-b", "feature");
        String token = gateway.register("planner", workspace, "everything-process");
        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            JsonNode started = mcp.call(
                            "paradise_quality_run", Map.of("profile", "quick", "changed", true, "base", "main"))
                    .path("result");

            assertThat(started.path("isError").asBoolean())
                    .as(started.toString())
                    .isFalse();
            JsonNode plan = started.path("structuredContent").path("plans").get(0);
            assertThat(plan.path("tool").asString()).isEqualTo("pytest");
            assertThat(plan.path("mode").asString()).isEqualTo("changed");
            assertThat(plan.path("base").asString())
                    .as("the base reaches the orchestrator")
                    .isEqualTo("main");
            assertThat(plan.path("summary").asString()).startsWith("pytest: ");
            assertThat(started.path("content").get(0).path("text").asString())
                    .contains("Test plan — " + plan.path("summary").asString());

            String runId = started.path("structuredContent").path("runId").asString();
            JsonNode status = awaitState(mcp, runId, "PASSED|FAILED");
            assertThat(status.path("content").get(0).path("text").asString())
                    .contains("Test plan — " + plan.path("summary").asString());
            assertThat(status.path("structuredContent")
                            .path("plans")
                            .get(0)
                            .path("base")
                            .asString())
                    .isEqualTo("main");

            JsonNode refused = mcp.call(
                            "paradise_quality_run", Map.of("profile", "quick", "base", "--upload-pack=touch /tmp/x"))
                    .path("result");
            assertThat(refused.path("isError").asBoolean())
                    .as(refused.toString())
                    .isTrue();
            assertThat(refused.path("content").get(0).path("text").asString())
                    .contains(
                            "base '--upload-pack=touch /tmp/x' is not a branch, tag or commit name (letters, digits, . _ / ~ ^ -)");

            JsonNode notText = mcp.call("paradise_quality_run", Map.of("profile", "quick", "base", 42))
                    .path("result");
            assertThat(notText.path("isError").asBoolean())
                    .as(notText.toString())
                    .isTrue();
            assertThat(notText.path("content").get(0).path("text").asString())
                    .isEqualTo("base must be a branch, tag or commit name given as a string, such as \"main\"; got 42");
        }
    }

    /** Asks paradise_quality_status until the run is in one of {@code states} (a regular expression); its answer. */
    private static JsonNode awaitState(McpClientProcess mcp, String runId, String states) {
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    status.set(mcp.call("paradise_quality_status", Map.of("runId", runId))
                            .path("result"));
                    return status.get()
                            .path("structuredContent")
                            .path("state")
                            .asString()
                            .matches(states);
                });
        return status.get();
    }

    private static void git(Path workspace, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", workspace.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** A copy of the orchestrator's Python fixture (six tests, one failing) as a client's workspace. */
    private Path pythonWorkspace(String name) throws Exception {
        Path workspace = Fixtures.copy(
                RepoPaths.root().resolve("quality-orchestrator/src/test/resources/fixtures/python-project"),
                workspaces.resolve(name));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        return workspace;
    }
}
