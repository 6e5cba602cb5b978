package io.devopsparadise.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.lifecycle.Installation;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.runtime.docker.ContainerSpec;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.instances.support.McpProbe;
import io.devopsparadise.instances.support.SseRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;

/** The whole instance-manager against the real Docker engine, the test image and a real MCP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class InstanceManagerIntegrationTests {

    private Path home;
    private Path workspaces;

    private ManagerContext manager;
    private DockerClient docker;
    private String installation;

    @BeforeAll
    void startManager() throws Exception {
        home = Files.createTempDirectory("paradise-home");
        workspaces = Files.createTempDirectory("paradise-workspaces");
        manager = ManagerContext.start(home, workspaces, "paradise.instances.restart.max-restarts=1");
        docker = manager.bean(DockerClient.class);
        installation = manager.bean(Installation.class).id();
    }

    @AfterEach
    void deleteInstances() {
        manager.deleteAll();
    }

    @AfterAll
    void stopManager() {
        manager.close();
    }

    private Path workspace(String name) throws Exception {
        Path dir = Files.createDirectories(workspaces.resolve(name));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private List<Container> ourContainers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.INSTALLATION, installation))
                .exec();
    }

    @Test
    void tenDockerClientsAtOnceEachGetAContainerOfTheirOwnUntilDeleted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<ResponseEntity<InstanceView>>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path workspace = workspace("ten-" + i);
            String client = "client-" + i;
            requests.add(pool.submit(() -> manager.provision(client, workspace, "everything", 90)));
        }
        List<InstanceView> instances = new ArrayList<>();
        for (Future<ResponseEntity<InstanceView>> request : requests) {
            ResponseEntity<InstanceView> response = request.get();
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            instances.add(response.getBody());
        }
        pool.shutdown();

        assertThat(instances).allMatch(i -> i.state() == InstanceState.HEALTHY && i.engine() == Engine.DOCKER);
        assertThat(instances)
                .extracting(i -> i.ports().get("mcp"))
                .doesNotHaveDuplicates()
                .allMatch(port -> port >= 8200 && port <= 8299);
        List<Container> containers = ourContainers();
        assertThat(containers).hasSize(10);
        assertThat(containers)
                .extracting(c -> c.getLabels().get(ContainerSpec.CLIENT_ID))
                .containsExactlyInAnyOrderElementsOf(
                        instances.stream().map(InstanceView::clientId).toList());

        Map<String, List<String>> tools =
                McpProbe.toolsList(instances.stream().map(InstanceView::mcpUrl).toList());
        assertThat(tools)
                .hasSize(10)
                .allSatisfy((url, names) -> assertThat(names).contains("echo", "get-sum"));

        instances.forEach(instance -> assertThat(manager.delete(instance.id())).isEqualTo(204));
        assertThat(ourContainers()).isEmpty();
        assertThat(manager.bean(PortAllocator.class).holders()).isEmpty();
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void aContainerKilledFromOutsideIsRestartedUpToTheRestartCap() throws Exception {
        InstanceView instance = manager.provisionHealthy("phoenix", workspace("phoenix"), "everything");

        killContainerOf(instance);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            InstanceView now = manager.get(instance.id());
            return now.state() == InstanceState.HEALTHY && now.restartCount() == 1;
        });
        assertThat(McpProbe.toolsList(List.of(instance.mcpUrl())).get(instance.mcpUrl()))
                .contains("echo");

        killContainerOf(instance);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.get(instance.id()).state() == InstanceState.FAILED);

        List<InstanceEvent> events = manager
                .http()
                .get()
                .uri("/api/events/recent")
                .retrieve()
                .body(new ParameterizedTypeReference<List<InstanceEvent>>() {})
                .stream()
                .filter(e -> e.instanceId().equals(instance.id()))
                .toList();
        assertThat(events)
                .extracting(InstanceEvent::type)
                .containsSubsequence(
                        InstanceEvent.Type.PROVISIONED, InstanceEvent.Type.RESTARTED, InstanceEvent.Type.FAILED);
        assertThat(events.get(events.size() - 1).message()).contains("gave up after 1 restarts");
        String metrics =
                manager.http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics)
                .contains("paradise_instances{state=\"FAILED\"} 1.0")
                .containsPattern("paradise_instances_restarts_total\\{client=\"phoenix\"} [1-9]")
                .contains("paradise_instance_state{client=\"phoenix\",instance_id=\"" + instance.id()
                        + "\",state=\"FAILED\"} 1.0")
                .contains("paradise_instances_health_check_seconds_count{outcome=\"healthy\",profile=\"everything\"}");
    }

    @Test
    void aClientsOwnContainerLimitsHoldAcrossARestart() throws Exception {
        Path dir = workspace("limited");
        ResponseEntity<Map<String, Object>> created = manager.postJson(
                "/api/instances?waitSeconds=60",
                "{\"clientId\":\"limited\",\"workspace\":\"" + dir
                        + "\",\"profile\":\"everything\",\"memory\":\"300MB\",\"cpus\":0.5}");
        assertThat(created.getStatusCode().value())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(201);
        InstanceView instance = manager.get(String.valueOf(created.getBody().get("id")));

        assertThat(instance.memoryLimitBytes()).isEqualTo(300L * 1024 * 1024);
        assertThat(instance.cpuLimit()).isEqualTo(0.5);
        var hostConfig =
                docker.inspectContainerCmd(containerOf(instance).getId()).exec().getHostConfig();
        assertThat(hostConfig.getMemory()).isEqualTo(300L * 1024 * 1024);
        assertThat(hostConfig.getNanoCPUs()).isEqualTo(500_000_000L);

        killContainerOf(instance);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.get(instance.id()).restartCount() == 1
                        && manager.get(instance.id()).state() == InstanceState.HEALTHY);
        assertThat(docker.inspectContainerCmd(containerOf(instance).getId())
                        .exec()
                        .getHostConfig()
                        .getMemory())
                .isEqualTo(300L * 1024 * 1024);
    }

    @Test
    void invalidContainerLimitsAreRefusedSayingWhy() throws Exception {
        Path dir = workspace("limited-wrongly");

        assertProblem(
                provision("{\"clientId\":\"l2\",\"workspace\":\"" + dir
                        + "\",\"profile\":\"everything\",\"memory\":\"lots\"}"),
                400,
                "memory must be a size like 512MB or 2GB");
        assertProblem(
                provision(
                        "{\"clientId\":\"l2\",\"workspace\":\"" + dir + "\",\"profile\":\"everything\",\"cpus\":4096}"),
                400,
                "cpus must be between 0.01 and");
        assertProblem(
                provision("{\"clientId\":\"l2\",\"workspace\":\"" + dir
                        + "\",\"profile\":\"everything-process\",\"memory\":\"1GB\"}"),
                400,
                "limits apply to containers");
    }

    private Container containerOf(InstanceView instance) {
        return docker.listContainersCmd()
                .withLabelFilter(Map.of(ContainerSpec.INSTANCE_ID, instance.id()))
                .exec()
                .get(0);
    }

    private void killContainerOf(InstanceView instance) {
        Container container = docker.listContainersCmd()
                .withLabelFilter(Map.of(ContainerSpec.INSTANCE_ID, instance.id()))
                .exec()
                .get(0);
        docker.killContainerCmd(container.getId()).exec();
    }

    @Test
    void execInAContainerRunsInTheMountedWorkspace() throws Exception {
        Path workspace = workspace("exec");
        Files.writeString(workspace.resolve("hello.txt"), "hello from the workspace");
        InstanceView instance = manager.provisionHealthy("exec-client", workspace, "everything");
        String script =
                "console.log(require('fs').readFileSync('hello.txt','utf8')); setTimeout(() => { console.error('late'); process.exit(4) }, 300)";
        String body = "{\"command\":[\"node\",\"-e\",\"" + script.replace("\"", "\\\"") + "\"]}";

        try (SseRecorder stream = SseRecorder.post(
                "http://127.0.0.1:" + manager.port() + "/api/instances/" + instance.id() + "/exec", body)) {
            await().atMost(Duration.ofSeconds(20)).until(stream::finished);
            List<String> lines = stream.lines();
            assertThat(lines).containsSubsequence("event:stdout", "event:stderr", "event:exit");
            assertThat(stream.text()).contains("hello from the workspace").contains("\"exitCode\":4");
        }
        ResponseEntity<Map<String, Object>> json = manager.postJson(
                "/api/instances/" + instance.id() + "/exec",
                "{\"command\":[\"node\",\"-e\",\"process.stdout.write(process.cwd())\"]}");
        assertThat(json.getBody()).containsEntry("exitCode", 0).containsEntry("stdout", "/workspace");
    }

    @Test
    void twelveExecsAtOnceRunSideBySide() throws Exception {
        InstanceView instance = manager.provisionHealthy("parallel", workspace("parallel"), "everything-process");
        ExecutorService callers = Executors.newFixedThreadPool(12);
        long started = System.nanoTime();
        List<Future<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(callers.submit(() ->
                    manager.postJson("/api/instances/" + instance.id() + "/exec", "{\"command\":[\"sleep\",\"2\"]}")));
        }
        for (Future<ResponseEntity<Map<String, Object>>> call : calls) {
            assertThat(call.get().getBody()).containsEntry("exitCode", 0);
        }
        callers.shutdown();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("twelve 2 s commands side by side, not in waves")
                .isLessThan(Duration.ofMillis(3_800));
    }

    @Test
    void publishesLifecycleEventsOnTheSseStream() throws Exception {
        try (SseRecorder events = SseRecorder.get("http://127.0.0.1:" + manager.port() + "/api/events")) {
            InstanceView instance = manager.provisionHealthy("watched", workspace("watched"), "everything-process");
            manager.delete(instance.id());

            await().atMost(Duration.ofSeconds(10)).until(() -> events.text().contains("event:DELETED"));
            assertThat(events.lines()).containsSubsequence("event:PROVISIONED", "event:STATE_CHANGED", "event:DELETED");
            assertThat(events.text()).contains("\"to\":\"HEALTHY\"").contains("\"clientId\":\"watched\"");
        }
    }

    @Test
    void documentsItsApiWithOpenApi() {
        String spec = manager.http().get().uri("/v3/api-docs").retrieve().body(String.class);

        assertThat(spec)
                .contains(
                        "\"/api/instances\"",
                        "\"/api/instances/{id}/exec\"",
                        "\"/api/events\"",
                        "Provision an instance for a client");
    }

    @Test
    void recordsActivity() throws Exception {
        InstanceView instance = manager.provisionHealthy("busy", workspace("busy"), "everything-process");
        Thread.sleep(20);

        InstanceView touched = manager.http()
                .post()
                .uri("/api/instances/{id}/activity", instance.id())
                .retrieve()
                .body(InstanceView.class);

        assertThat(touched.lastActivity()).isAfter(instance.lastActivity());
    }

    @Test
    void answersBadInputWithProblemDetailsThatSayWhatToFix() throws Exception {
        Path ok = workspace("bad-input");
        manager.provisionHealthy("taken", ok, "everything-process");

        assertProblem(
                provision("{\"clientId\":\"a\",\"workspace\":\"" + ok + "\",\"profile\":\"nope\"}"),
                400,
                "known profiles: code, code-process, everything");
        assertProblem(
                provision("{\"clientId\":\"a\",\"workspace\":\"" + ok + "/missing\",\"profile\":\"everything\"}"),
                400,
                "does not exist");
        assertProblem(
                provision("{\"clientId\":\"a\",\"workspace\":\"relative/dir\",\"profile\":\"everything\"}"),
                400,
                "absolute path");
        assertProblem(
                provision("{\"clientId\":\"a\",\"workspace\":\"/etc\",\"profile\":\"everything\"}"),
                400,
                "outside the allowed roots");
        assertProblem(provision("{\"clientId\":\"no spaces\",\"workspace\":\"" + ok + "\"}"), 400, "clientId must be");
        assertProblem(provision("{\"clientId\":"), 400, "not valid JSON");
        assertProblem(provision("[1,2]"), 400, "not valid JSON");
        assertProblem(
                provision("{\"clientId\":\"taken\",\"workspace\":\"" + ok + "\",\"profile\":\"everything-process\"}"),
                409,
                "already has instance");
        assertProblem(manager.postJson("/api/instances?waitSeconds=999", "{}"), 400, "waitSeconds");
        assertProblem(
                manager.postJson("/api/instances/no-such-id/activity", ""), 404, "No instance with id no-such-id");
        String taken = manager.list().get(0).id();
        assertProblem(
                manager.postJson("/api/instances/" + taken + "/exec", "{\"command\":[]}"), 400, "non-empty array");
        assertProblem(
                manager.postJson("/api/instances/" + taken + "/exec", "{\"command\":[\"ls\"],\"workdir\":\"../..\"}"),
                400,
                "leaves the workspace");
        assertThat(manager.delete("no-such-id")).isEqualTo(404);
    }

    private ResponseEntity<Map<String, Object>> provision(String body) {
        return manager.postJson("/api/instances", body);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String detail) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).containsKeys("title", "detail").doesNotContainKey("trace");
        assertThat((String) response.getBody().get("detail")).contains(detail);
    }
}
