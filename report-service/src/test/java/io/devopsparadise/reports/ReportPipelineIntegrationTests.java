package io.devopsparadise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline with real services: the instance-manager and the quality-orchestrator run from their jars, the
 * orchestrator runs pytest in a client's instance (process engine) on a git workspace, and the report-service picks
 * the finished run up by itself, stores and scores it, writes its reports, and streams everything live. A run that
 * finishes while the report-service is down is stored when it comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportPipelineIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path home;
    private Path workspace;
    private InstanceManagerProcess manager;
    private ServiceProcess orchestrator;
    private ConfigurableApplicationContext reports;
    private List<String> stream;
    private String commit;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("reports-home");
        Path workspaces = Files.createTempDirectory("reports-workspaces");
        workspace = Fixtures.copy(
                Path.of("../quality-orchestrator/src/test/resources/fixtures/python-project")
                        .toAbsolutePath(),
                workspaces.resolve("calc"));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        git("init", "-q", "-b", "main");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "first");
        commit = new String(new ProcessBuilder("git", "rev-parse", "HEAD")
                        .directory(workspace.toFile())
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .strip();
        manager = InstanceManagerProcess.start(home, workspaces);
        orchestrator = startOrchestrator();
        reports = startReports();
        stream = Http.followEvents(url("/api/stream"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"alice\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
    }

    private void git(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        assertThat(new ProcessBuilder(command)
                        .directory(workspace.toFile())
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();
    }

    private ConfigurableApplicationContext startReports(String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--paradise.reports.home=" + home,
                "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                "--paradise.reports.instance-manager-url=" + manager.url(""),
                "--paradise.reports.retry-backoff=1s"));
        arguments.addAll(List.of(more));
        return InProcessApps.builder(ReportServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private ServiceProcess startOrchestrator() throws Exception {
        return ServiceProcess.start(
                "quality-orchestrator",
                home,
                "--paradise.quality.instance-manager-url=" + manager.url(""),
                "--paradise.quality.node-modules=" + RepoPaths.nodeModules());
    }

    private void awaitFinished(String runId) {
        await().atMost(Duration.ofMinutes(1))
                .until(() -> JSON.readTree(orchestrator.get("/api/runs/" + runId + "/summary"))
                        .path("state")
                        .asString()
                        .matches("PASSED|FAILED"));
    }

    private List<String> storedIds() throws Exception {
        return JSON.readTree(Http.get(url("/api/runs?clientId=alice&limit=500")).body())
                .valueStream()
                .map(r -> r.path("id").asString())
                .toList();
    }

    @AfterAll
    void stop() throws Exception {
        if (reports != null) {
            reports.close();
        }
        orchestrator.close();
        manager.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }

    private String startRun(String profile) throws Exception {
        HttpResponse<String> started = Http.send(
                "POST", orchestrator.url("/api/runs"), "{\"clientId\":\"alice\",\"profile\":\"" + profile + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("id").asString();
    }

    private JsonNode awaitStored(String runId) throws Exception {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(url("/api/runs/" + runId)).statusCode() == 200);
        return JSON.readTree(Http.get(url("/api/runs/" + runId)).body());
    }

    @Test
    @Order(1)
    void aFinishedRunReachesTheReportServiceWithoutBeingAsked() throws Exception {
        String runId = startRun("quick");

        JsonNode stored = awaitStored(runId);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.stream()
                        .anyMatch(l -> l.contains("\"runId\":\"" + runId + "\"") && l.contains("\"grade\"")));
        JsonNode summary = stored.path("summary");
        assertThat(summary.path("clientId").asString()).isEqualTo("alice");
        assertThat(summary.path("workspace").asString()).isEqualTo(workspace.toString());
        assertThat(summary.path("testsTotal").asInt()).isEqualTo(6);
        assertThat(summary.path("testsFailed").asInt()).isEqualTo(1);
        assertThat(summary.path("gitCommit").asString()).isEqualTo(commit);
        assertThat(summary.path("gitBranch").asString()).isEqualTo("main");
        assertThat(stored.path("score").path("value").asInt())
                .isEqualTo(summary.path("score").asInt())
                .isBetween(1, 99);
        Path written = home.resolve("reports/alice").resolve(runId);
        for (String file : List.of("report.html", "report.json", "report.md", "report.sarif", "report.junit.xml")) {
            assertThat(written.resolve(file)).isNotEmptyFile();
            HttpResponse<String> served = Http.get(url("/api/runs/" + runId + "/" + file));
            assertThat(served.statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(written.resolve("report.junit.xml")))
                .contains("tests=\"6\"")
                .contains("test_add_is_wrong");
        assertThat(Http.get(url("/api/runs/" + runId + "/report.sarif"))
                        .headers()
                        .firstValue("Content-Type"))
                .hasValue("application/sarif+json");
        assertThat(Http.get(url("/api/runs/" + runId + "/report.md?download=true"))
                        .headers()
                        .firstValue("Content-Disposition")
                        .orElseThrow())
                .contains("attachment")
                .contains("quality-" + runId + "-report.md");

        assertThat(stream).anySatisfy(line -> assertThat(line).isEqualTo("event:quality"));
        assertThat(stream).anySatisfy(line -> assertThat(line).isEqualTo("event:instance"));
        assertThat(stream).anySatisfy(line -> assertThat(line).isEqualTo("event:run-stored"));
        assertThat(stream)
                .anySatisfy(line ->
                        assertThat(line).contains("\"runId\":\"" + runId + "\"").contains("RUN_FINISHED"));
    }

    @Test
    @Order(2)
    void theWorkspacesHistoryCoversEveryRun() throws Exception {
        String first = JSON.readTree(Http.get(url("/api/runs?clientId=alice")).body())
                .get(0)
                .path("id")
                .asString();
        String second = startRun("standard");
        awaitStored(second);

        JsonNode trend = JSON.readTree(Http.get(url("/api/trends?clientId=alice&workspace=" + workspace))
                .body());
        JsonNode comparison = JSON.readTree(
                Http.get(url("/api/compare?base=" + first + "&head=" + second)).body());
        JsonNode filtered = JSON.readTree(Http.get(url("/api/runs?clientId=alice&state=FAILED&branch=main&limit=1"))
                .body());

        assertThat(trend.valueStream().map(p -> p.path("runId").asString()).toList())
                .containsExactly(first, second);
        assertThat(comparison.path("newFailures")).isEmpty();
        int scanned = JSON.readTree(Http.get(url("/api/runs/" + second)).body())
                .path("tools")
                .valueStream()
                .filter(t -> t.path("tool").asString().equals("bandit"))
                .findFirst()
                .orElseThrow()
                .path("findings")
                .asInt();
        assertThat(comparison.path("newFindings").size())
                .as("the standard run adds the security scanner's findings")
                .isEqualTo(scanned)
                .isPositive();
        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).path("id").asString()).isEqualTo(second);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(
                        home.resolve("reports/alice").resolve(second).resolve("report.html")));
        String html =
                Files.readString(home.resolve("reports/alice").resolve(second).resolve("report.html"));
        assertThat(html).contains("<polyline").contains("Findings");
    }

    @Test
    @Order(3)
    void aRunThatFinishedWhileTheReportServiceWasDownIsStoredWhenItIsBack() throws Exception {
        reports.close();
        reports = null;
        String missed = startRun("quick");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> JSON.readTree(orchestrator.get("/api/runs/" + missed))
                        .path("state")
                        .asString()
                        .matches("PASSED|FAILED"));

        reports = startReports();

        assertThat(awaitStored(missed).path("summary").path("testsTotal").asInt())
                .isEqualTo(6);
        assertThat(JSON.readTree(Http.get(url("/api/runs?clientId=alice")).body()))
                .hasSize(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> JSON.readTree(orchestrator.get("/api/runs?pending=true"))
                        .isEmpty());
        assertThat(orchestrator.get("/api/runs/" + missed))
                .as("the stored run's result leaves the orchestrator")
                .contains("is stored in the report-service");
        assertThat(JSON.readTree(orchestrator.get("/api/runs/" + missed + "/summary"))
                        .path("stored")
                        .asBoolean())
                .isTrue();
    }

    /** alice's quick runs, oldest first: one before the report-service's restart, one after. */
    private List<JsonNode> quickRuns() throws Exception {
        return JSON.readTree(Http.get(url("/api/runs?clientId=alice&limit=500")).body())
                .valueStream()
                .filter(run -> run.path("profile").asString().equals("quick"))
                .sorted(java.util.Comparator.comparing(
                        run -> java.time.Instant.parse(run.path("finishedAt").asString())))
                .toList();
    }

    @Test
    @Order(4)
    void eachClientsLatestScoreIsAMetric() throws Exception {
        List<JsonNode> quick = quickRuns();
        assertThat(quick).as("one quick run before the restart, one after").hasSize(2);
        int latest = quick.get(1).path("score").asInt();

        String metrics = Http.get(url("/actuator/prometheus")).body();

        assertThat(metrics).contains("paradise_quality_score{client=\"alice\",profile=\"quick\"} " + (double) latest);
    }

    @Test
    @Order(4)
    void theChangeOfEachClientsScoreIsAMetric() throws Exception {
        List<JsonNode> quick = quickRuns();
        int change =
                quick.get(1).path("score").asInt() - quick.get(0).path("score").asInt();

        String metrics = Http.get(url("/actuator/prometheus")).body();

        assertThat(metrics)
                .contains("paradise_quality_score_change{client=\"alice\",profile=\"quick\"} " + (double) change);
    }

    @Test
    @Order(4)
    void theScoreMetricsOutliveARestart() throws Exception {
        String metrics = Http.get(url("/actuator/prometheus")).body();

        assertThat(metrics)
                .as("the standard run, stored before the restart, is read back from the store")
                .contains("paradise_quality_score{client=\"alice\",profile=\"standard\"}");
    }

    @Test
    @Order(6)
    void runsPendingAcrossAnOrchestratorRestartAreStoredExactlyOnce() throws Exception {
        reports.close();
        reports = null;
        String first = startRun("quick");
        awaitFinished(first);
        // one run at a time per client and workspace
        String second = startRun("quick");
        awaitFinished(second);
        orchestrator.close();
        orchestrator = startOrchestrator();
        assertThat(JSON.readTree(orchestrator.get("/api/runs?pending=true"))
                        .valueStream()
                        .map(r -> r.path("id").asString())
                        .toList())
                .as("finished runs survive the orchestrator's restart until they are stored")
                .contains(first, second);

        reports = startReports();

        awaitStored(first);
        awaitStored(second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> JSON.readTree(orchestrator.get("/api/runs?pending=true"))
                        .isEmpty());
        List<String> stored = storedIds();
        assertThat(stored).containsOnlyOnce(first, second).doesNotHaveDuplicates();
    }

    @Test
    @Order(7)
    void aRunLargerThanTheConfiguredLimitIsRecordedAsAStorageFailureNamingTheSetting() throws Exception {
        reports.close();
        reports = startReports("--paradise.reports.max-run-size=300B");
        List<String> events = Http.followEvents(url("/api/stream"));
        String run = startRun("quick");

        await().atMost(Duration.ofMinutes(1))
                .until(() -> Http.get(url("/api/runs/" + run)).statusCode() == 422);
        HttpResponse<String> notStored = Http.get(url("/api/runs/" + run));
        JsonNode failures = JSON.readTree(
                Http.get(url("/api/storage-failures?clientId=alice")).body());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.stream().anyMatch(l -> l.equals("event:run-storage-failed")));

        assertThat(notStored.body()).contains("paradise.reports.max-run-size").contains("raise that setting");
        assertThat(failures.get(0).path("runId").asString()).isEqualTo(run);
        assertThat(failures.get(0).path("reason").asString()).contains("paradise.reports.max-run-size");
        assertThat(JSON.readTree(orchestrator.get("/api/runs?pending=true"))
                        .valueStream()
                        .map(r -> r.path("id").asString())
                        .toList())
                .as("a run that could not be stored stays with the orchestrator")
                .contains(run);

        reports.close();
        reports = startReports();
        assertThat(awaitStored(run).path("summary").path("testsTotal").asInt())
                .as("stored once the limit allows it")
                .isEqualTo(6);
        await().atMost(Duration.ofSeconds(10))
                .alias("the failure is cleared once the run is stored")
                .until(() -> JSON.readTree(Http.get(url("/api/storage-failures?clientId=alice"))
                                .body())
                        .isEmpty());
    }

    @Test
    @Order(5)
    void badRequestsGetProblemDetailsThatSayWhatToFix() throws Exception {
        String unknown = java.util.UUID.randomUUID().toString();
        HttpResponse<String> unknownRun = Http.get(url("/api/runs/" + unknown));
        HttpResponse<String> notARunId = Http.get(url("/api/runs/nope"));
        HttpResponse<String> unknownFormat = Http.get(url("/api/runs/" + unknown + "/report.pdf"));
        HttpResponse<String> badState = Http.get(url("/api/runs?state=DONE"));
        HttpResponse<String> badLimit = Http.get(url("/api/runs?limit=100000"));
        HttpResponse<String> malformed = Http.send("POST", url("/api/runs"), "{\"id\":");
        HttpResponse<String> unfinished = Http.send(
                "POST",
                url("/api/runs"),
                "{\"id\":\"" + unknown
                        + "\",\"clientId\":\"c\",\"workspace\":\"/w\",\"profile\":\"quick\",\"state\":\"RUNNING\",\"startedAt\":\"2026-01-01T00:00:00Z\"}");

        assertThat(unknownRun.statusCode()).isEqualTo(404);
        assertThat(unknownRun.body()).contains("no stored run has the id " + unknown);
        assertThat(notARunId.statusCode()).isEqualTo(400);
        assertThat(notARunId.body()).contains("id must be a UUID");
        assertThat(unknownFormat.statusCode()).isEqualTo(400);
        assertThat(unknownFormat.body()).contains("report.sarif");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("PASSED");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit must be between 1 and 500");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(unfinished.statusCode()).isEqualTo(400);
        assertThat(unfinished.body()).contains("only finished runs are stored");
        assertThat(List.of(unknownRun, notARunId, unknownFormat, badState, badLimit, malformed, unfinished))
                .allSatisfy(response ->
                        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io."));
    }
}
