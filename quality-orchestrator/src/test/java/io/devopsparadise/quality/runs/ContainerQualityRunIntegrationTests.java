package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * jest and ESLint run inside a real container (the test image holds node, jest and jest-junit) through the instance-manager's
 * exec on the Docker engine; the orchestrator reads the reports from the bind-mounted workspace and streams progress.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ContainerQualityRunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = Http.client();

    @Test
    void theJavaScriptToolsRunInsideTheClientsContainer() throws Exception {
        Path home = Files.createTempDirectory("container-quality-home");
        Path workspaces = Files.createTempDirectory("container-quality-workspaces");
        Path workspace = Files.createDirectories(workspaces.resolve("web"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/js-project"))) {
            for (Path file : files.toList()) {
                Files.copy(file, workspace.resolve(file.getFileName()));
            }
        }
        // the test image's server runs as nobody (65534): give it the workspace, as a developer owns theirs
        UserPrincipal nobody =
                workspace.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
        Files.setOwner(workspace, nobody);
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InstanceManagerProcess manager = InstanceManagerProcess.start(home, workspaces)) {
            HttpResponse<String> provisioned = send(
                    "POST",
                    manager.url("/api/instances?waitSeconds=60"),
                    "{\"clientId\":\"web\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything\"}");
            assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
            assertThat(JSON.readTree(provisioned.body()).path("engine").asString())
                    .isEqualTo("docker");
            try (ConfigurableApplicationContext orchestrator = InProcessApps.builder(
                            QualityOrchestratorApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--paradise.quality.home=" + Files.createTempDirectory("quality-home"),
                            "--paradise.quality.instance-manager-url=" + manager.url(""))) {
                String base =
                        "http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port");
                List<String> events = new CopyOnWriteArrayList<>();
                HTTP.sendAsync(
                                HttpRequest.newBuilder(URI.create(base + "/api/runs/events"))
                                        .header("Authorization", ServiceCredential.authorization())
                                        .build(),
                                HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().forEach(events::add));

                HttpResponse<String> started =
                        send("POST", URI.create(base + "/api/runs"), "{\"clientId\":\"web\",\"profile\":\"standard\"}");
                String id = JSON.readTree(started.body()).path("id").asString();
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> JSON.readTree(send("GET", URI.create(base + "/api/runs/" + id), null)
                                        .body())
                                .path("state")
                                .asString()
                                .equals("FAILED"));
                JsonNode run = JSON.readTree(
                        send("GET", URI.create(base + "/api/runs/" + id), null).body());

                JsonNode jest = tool(run, "jest");
                assertThat(jest.path("status").asString()).as(jest.toString()).isEqualTo("FAILED");
                assertThat(jest.path("tests")).hasSize(4);
                assertThat(jest.path("coverage")
                                .path("files")
                                .get(0)
                                .path("linesCovered")
                                .asInt())
                        .isEqualTo(6);
                JsonNode eslint = tool(run, "eslint");
                assertThat(eslint.path("findings")).hasSize(3);
                assertThat(eslint.path("findings")
                                .valueStream()
                                .map(f -> f.path("file").asString())
                                .distinct()
                                .toList())
                        .containsExactly("legacy.js");
                assertThat(run.path("verdict").asString())
                        .as("a first run is judged on its failing tests, not on the findings it found")
                        .contains("jest: 1 failing test(s)")
                        .contains("no baseline")
                        .doesNotContain("HIGH finding(s)");
                assertThat(eslint.path("advisory").asBoolean())
                        .as("the fixture configures ESLint")
                        .isFalse();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> events.stream().anyMatch(l -> l.contains("\"type\":\"RUN_FINISHED\"")));
                assertThat(events.stream().filter(l -> l.startsWith("data:")).toList())
                        .anySatisfy(l -> assertThat(l)
                                .contains("\"type\":\"TOOL_STARTED\"")
                                .contains("\"tool\":\"jest\""))
                        .anySatisfy(l -> assertThat(l)
                                .contains("\"type\":\"TOOL_FINISHED\"")
                                .contains("\"tests\":4,\"failures\":1"));
            }
        }
    }

    private static JsonNode tool(JsonNode run, String name) {
        return run.path("tools")
                .valueStream()
                .filter(t -> t.path("tool").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome of " + name + " in " + run));
    }

    private static HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("Authorization", ServiceCredential.authorization())
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
