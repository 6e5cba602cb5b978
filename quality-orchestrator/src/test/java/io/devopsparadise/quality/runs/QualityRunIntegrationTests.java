package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real run: the orchestrator asks the real instance-manager to run pytest (with coverage), bandit, pylint and
 * shellcheck inside a client's instance (process engine: the Debian tools are on this machine), reads their
 * reports, judges them against the profile, and streams its progress.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class QualityRunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InstanceManagerProcess manager;
    private ConfigurableApplicationContext orchestrator;
    private Path workspaces;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("quality-home");
        workspaces = Files.createTempDirectory("quality-workspaces");
        manager = InstanceManagerProcess.start(home, workspaces);
        Path workspace = Files.createDirectories(workspaces.resolve("qa"));
        for (String fixture : List.of("python-project", "shell-project")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", fixture))) {
                for (Path file : files.toList()) {
                    Files.copy(file, workspace.resolve(file.getFileName()));
                }
            }
        }
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"qa\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        orchestrator = InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.quality.home=" + Files.createTempDirectory("quality-home"),
                        "--paradise.quality.instance-manager-url=" + manager.url(""),
                        "--paradise.quality.profiles.strict.categories=unit,lint,security",
                        "--paradise.quality.profiles.strict.fail-fast=true",
                        "--paradise.quality.profiles.every-linter.categories=unit,lint,security");
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        manager.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }

    @Test
    void aRunOfEveryLinterReadsEveryToolsReportIntoItsVerdict() throws Exception {
        List<String> lines = Http.followEvents(url("/api/runs/events"));

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "qa", "every-linter");

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("verdict").asString())
                .as("a first run (no report-service, so no baseline) is judged on its failing tests")
                .contains("pytest: 1 failing test(s): test_calc › test_add_is_wrong")
                .contains("no baseline")
                .doesNotContain("HIGH finding(s)");
        assertThat(OrchestratorRuns.tool(run, "pylint").path("advisory").asBoolean())
                .isTrue();
        assertThat(OrchestratorRuns.tool(run, "bandit").path("advisory").asBoolean())
                .isFalse();
        JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
        assertThat(pytest.path("status").asString()).isEqualTo("FAILED");
        assertThat(pytest.path("tests")).hasSize(6);
        assertThat(pytest.path("tests")
                        .valueStream()
                        .filter(t -> t.path("status").asString().equals("FAILED"))
                        .count())
                .isEqualTo(1);
        assertThat(pytest.path("coverage")
                        .path("files")
                        .valueStream()
                        .mapToInt(f -> f.path("linesCovered").asInt())
                        .sum())
                .isEqualTo(27);
        assertThat(OrchestratorRuns.tool(run, "bandit").path("findings")).hasSize(8);
        assertThat(OrchestratorRuns.tool(run, "pylint").path("findings")).hasSize(19);
        assertThat(OrchestratorRuns.tool(run, "shellcheck").path("findings")).hasSize(5);
        assertThat(OrchestratorRuns.tool(run, "flake8").path("findings")).hasSize(1);

        // the stream also replays earlier runs' events: look at this run's only
        String runId = run.path("id").asString();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ofRun(lines, runId).stream().anyMatch(d -> d.contains("\"type\":\"RUN_FINISHED\"")));
        List<String> events = ofRun(lines, runId);
        assertThat(events.get(0)).contains("\"type\":\"RUN_STARTED\"");
        assertThat(events.get(events.size() - 1))
                .contains("\"type\":\"RUN_FINISHED\"")
                .contains("\"status\":\"FAILED\"");
        assertThat(events.stream()
                        .filter(d -> d.contains("\"type\":\"TOOL_STARTED\""))
                        .count())
                .isEqualTo(5);
        assertThat(events.stream()
                        .filter(d -> d.contains("\"type\":\"TOOL_FINISHED\""))
                        .count())
                .isEqualTo(5);
        assertThat(events)
                .anySatisfy(d ->
                        assertThat(d).contains("\"tool\":\"pytest\",\"status\":\"FAILED\",\"tests\":6,\"failures\":1"));
    }

    private static List<String> ofRun(List<String> lines, String runId) {
        return lines.stream()
                .filter(l -> l.startsWith("data:") && l.contains("\"runId\":\"" + runId + "\""))
                .toList();
    }

    @Test
    void standardSkipsTheLintersTheProjectDoesNotConfigure() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "qa", "standard");

        for (String linter : List.of("pylint", "flake8", "shellcheck")) {
            JsonNode outcome = OrchestratorRuns.tool(run, linter);
            assertThat(outcome.path("status").asString()).as(linter).isEqualTo("SKIPPED");
            assertThat(outcome.path("detail").asString()).contains("the project does not configure " + linter);
        }
        assertThat(OrchestratorRuns.tool(run, "bandit").path("findings")).hasSize(8);
        assertThat(OrchestratorRuns.tool(run, "pytest").path("tests")).hasSize(6);
    }

    @Test
    void quickRunRunsTheUnitTestsOnly() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "qa", "quick");

        assertThat(run.path("tools")
                        .valueStream()
                        .map(t -> t.path("tool").asString())
                        .toList())
                .containsExactly("pytest");
    }

    @Test
    void failFastStopsTheRunAtTheFirstFailingTestSuite() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "qa", "strict");

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("verdict").asString()).startsWith("fail-fast: pytest has failing tests");
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        HttpResponse<String> unknownProfile =
                Http.send("POST", url("/api/runs"), "{\"clientId\":\"qa\",\"profile\":\"nope\"}");
        HttpResponse<String> noInstance =
                Http.send("POST", url("/api/runs"), "{\"clientId\":\"nobody\",\"profile\":\"quick\"}");
        HttpResponse<String> malformed = Http.send("POST", url("/api/runs"), "{\"clientId\":");

        assertThat(unknownProfile.statusCode()).isEqualTo(400);
        assertThat(unknownProfile.body())
                .contains("known profiles: comprehensive, every-linter, quick, standard, strict");
        assertThat(noInstance.statusCode()).isEqualTo(409);
        assertThat(noInstance.body()).contains("has no instance");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Http.send("GET", url("/api/runs/unknown"), null).statusCode())
                .isEqualTo(404);
    }
}
