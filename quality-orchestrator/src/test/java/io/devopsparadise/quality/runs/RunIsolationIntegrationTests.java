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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of different clients share the orchestrator: none may queue without bound, crowd out the others, or run on
 * after it was cancelled or timed out. Real runs through a real instance-manager (process engine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RunIsolationIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InstanceManagerProcess manager;
    private ConfigurableApplicationContext orchestrator;
    private Path workspaces;
    private Path markers;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("isolation-home");
        markers = Files.createTempDirectory("isolation-markers");
        workspaces = Files.createTempDirectory("isolation-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        orchestrator = InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.quality.home=" + home,
                        "--paradise.quality.instance-manager-url=" + manager.url(""),
                        "--paradise.quality.parallel-tools=1",
                        "--paradise.quality.max-active-runs=3",
                        "--paradise.quality.profiles.short.categories=unit",
                        "--paradise.quality.profiles.short.tool-timeout=3s",
                        "--paradise.quality.profiles.linters.categories=unit,lint,security");
    }

    /** No test's runs outlive it: with one tool slot, a run left behind would hold up the next test's. */
    @AfterEach
    void cancelWhatStillRuns() throws Exception {
        for (JsonNode run : JSON.readTree(Http.get(url("/api/runs?limit=100")).body())) {
            if (run.path("state").asString().equals("QUEUED")
                    || run.path("state").asString().equals("RUNNING")) {
                Http.send("DELETE", url("/api/runs/" + run.path("id").asString()), null);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> JSON.readTree(Http.get(url("/api/runs?limit=100")).body())
                        .valueStream()
                        .noneMatch(run -> run.path("state").asString().equals("QUEUED")
                                || run.path("state").asString().equals("RUNNING")));
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        manager.close();
    }

    @Test
    void aSecondRunOnTheSameWorkspaceGets409NamingTheRunningOne() throws Exception {
        slowWorkspace("twice", 10);
        String first = startRun("twice", "quick");
        awaitStarted("twice");

        HttpResponse<String> second = post("twice", "quick");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).path("runId").asString()).isEqualTo(first);
        assertThat(JSON.readTree(second.body()).path("detail").asString())
                .contains("client twice already has run " + first + " in progress");
        cancel(first);
        HttpResponse<String> afterCancel =
                await().atMost(Duration.ofSeconds(20)).until(() -> post("twice", "quick"), r -> r.statusCode() != 409);
        assertThat(afterCancel.statusCode()).as(afterCancel.body()).isEqualTo(202);
        cancel(JSON.readTree(afterCancel.body()).path("id").asString());
    }

    @Test
    void aCancelledRunsCommandIsGone() throws Exception {
        slowWorkspace("cancelled", 5);
        String run = startRun("cancelled", "quick");
        awaitStarted("cancelled");

        JsonNode cancelled = cancel(run);

        assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
        // past the moment the test would have left its marker
        await("the test kept running after the cancel")
                .during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(9))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(markers.resolve("cancelled.finished")));
    }

    @Test
    void aTimedOutToolsCommandIsGone() throws Exception {
        slowWorkspace("timeout", 6);

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "timeout", "short");

        assertThat(OrchestratorRuns.tool(run, "pytest").path("status").asString())
                .isEqualTo("ERROR");
        // the tool was stopped at its 3 s timeout; its test would have left the marker 6 s after it started
        await("the test kept running after its timeout")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(7))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(markers.resolve("timeout.finished")));
    }

    @Test
    void theRunsInProgressAreBoundedWithAClearError() throws Exception {
        List<String> started = new ArrayList<>();
        for (String client : List.of("busy-1", "busy-2", "busy-3")) {
            // long enough to stay in progress while the fourth is refused
            slowWorkspace(client, 8);
            started.add(startRun(client, "quick"));
        }
        slowWorkspace("busy-4", 1);

        HttpResponse<String> refused = post("busy-4", "quick");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).path("detail").asString())
                .isEqualTo(
                        "the orchestrator has 3 runs queued or running, the most paradise.quality.max-active-runs allows; "
                                + "try again when one has finished");
        for (String run : started) {
            cancel(run);
        }
    }

    @Test
    void aClientWithManyToolsDoesNotMakeAnotherWaitForAllOfThem() throws Exception {
        // one tool at a time: the first client's five tools, then the other's one; the clients take turns
        slowWorkspace("many-tools", 3);
        Files.writeString(workspaces.resolve("many-tools/deploy.sh"), "#!/bin/sh\necho $1\n");
        slowWorkspace("one-tool", 0);
        String many = startRun("many-tools", "linters");
        awaitStarted("many-tools");
        String one = startRun("one-tool", "quick");

        Instant manyFinished = finishedAt(many);
        Instant oneFinished = finishedAt(one);

        assertThat(oneFinished)
                .as("the one-tool run finished before the five-tool run that started first")
                .isBefore(manyFinished);
    }

    /** A workspace whose one test says it started, sleeps, and then leaves a marker; with an instance for the client of that name. */
    private void slowWorkspace(String client, int seconds) throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve(client));
        Files.writeString(workspace.resolve("test_slow.py"), """
                import pathlib
                import time


                def test_slow():
                    pathlib.Path("%1$s/%2$s.started").touch()
                    time.sleep(%3$d)
                    pathlib.Path("%1$s/%2$s.finished").touch()
                """.formatted(markers, client, seconds));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
    }

    private void awaitStarted(String client) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(markers.resolve(client + ".started")));
    }

    private String startRun(String client, String profile) throws Exception {
        HttpResponse<String> started = post(client, profile);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("id").asString();
    }

    private HttpResponse<String> post(String client, String profile) throws Exception {
        return Http.send("POST", url("/api/runs"), "{\"clientId\":\"" + client + "\",\"profile\":\"" + profile + "\"}");
    }

    private JsonNode cancel(String run) throws Exception {
        HttpResponse<String> cancelled = Http.send("DELETE", url("/api/runs/" + run), null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        return JSON.readTree(cancelled.body());
    }

    private Instant finishedAt(String run) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode digest = JSON.readTree(Http.get(url("/api/runs/" + run + "/summary"))
                                    .body());
                            return digest.path("finishedAt").isString()
                                    ? Instant.parse(digest.path("finishedAt").asString())
                                    : null;
                        },
                        java.util.Objects::nonNull);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }
}
