package io.devopsparadise.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.support.ManagerContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.http.ResponseEntity;

/**
 * A four-port range whose first and last ports foreign programs hold, a one-instance limit for reaping,
 * and a Docker address where no engine answers.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Isolated("it holds ports 8290 and 8293 as another program would")
class LimitsIntegrationTests {

    private static final int FROM = 8290;

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    private final java.util.List<ServerSocket> foreign = new java.util.ArrayList<>();
    private ManagerContext manager;

    @BeforeEach
    void holdPortsLikeAnotherProgram() throws Exception {
        foreign.add(bind(FROM));
        foreign.add(bind(FROM + 3));
    }

    private static ServerSocket bind(int port) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (manager != null) {
            manager.deleteAll();
            manager.close();
        }
        for (ServerSocket socket : foreign) {
            socket.close();
        }
    }

    private ManagerContext start(String... properties) {
        String[] all = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "paradise.instances.port-from=" + FROM,
                                "paradise.instances.port-to=" + (FROM + 3),
                                "paradise.docker.host=unix:///nonexistent/docker.sock"),
                        java.util.Arrays.stream(properties))
                .toArray(String[]::new);
        return ManagerContext.start(home, workspaces, all);
    }

    @Test
    void portsHeldByForeignProgramsCountAsTakenUntilTheRangeIsExhausted() throws Exception {
        manager = start();

        InstanceView first = manager.provisionHealthy(
                "one", Files.createDirectories(workspaces.resolve("one")), "everything-process");
        InstanceView second = manager.provisionHealthy(
                "two", Files.createDirectories(workspaces.resolve("two")), "everything-process");
        ResponseEntity<Map<String, Object>> third = manager.postJson(
                "/api/instances",
                "{\"clientId\":\"three\",\"workspace\":\"" + Files.createDirectories(workspaces.resolve("three"))
                        + "\",\"profile\":\"everything-process\"}");

        assertThat(first.ports().get("mcp")).isEqualTo(FROM + 1);
        assertThat(second.ports().get("mcp")).isEqualTo(FROM + 2);
        assertThat(third.getStatusCode().value()).isEqualTo(503);
        assertThat(third.getBody()).containsEntry("title", "Port range exhausted");
        assertThat((String) third.getBody().get("detail")).contains("8290-8293").contains("held by other programs");
        assertThat(manager.list()).hasSize(2);
    }

    @Test
    void withoutADockerEngineOnlyAutoProfilesFallBackToProcesses() throws Exception {
        manager = start();
        Path project = Files.createDirectories(workspaces.resolve("project"));

        ResponseEntity<Map<String, Object>> docker = manager.postJson(
                "/api/instances", "{\"clientId\":\"d\",\"workspace\":\"" + project + "\",\"profile\":\"everything\"}");
        ResponseEntity<Map<String, Object>> auto = manager.postJson(
                "/api/instances", "{\"clientId\":\"s\",\"workspace\":\"" + project + "\",\"profile\":\"serena\"}");

        assertThat(docker.getStatusCode().value()).isEqualTo(503);
        assertThat((String) docker.getBody().get("detail"))
                .contains("docker engine is unreachable")
                .contains("Start dockerd");
        assertThat(auto.getStatusCode().value())
                .as("serena on the process engine: no serena command here")
                .isEqualTo(502);
        assertThat((String) auto.getBody().get("detail")).contains("Could not start serena");
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void anIdleInstanceIsReapedFreeingItsPlaceUnderTheLimit() throws Exception {
        manager = start("paradise.instances.idle-timeout=4s", "paradise.instances.max-instances=1");
        Path workspace = Files.createDirectories(workspaces.resolve("idle"));
        InstanceView idle = manager.provisionHealthy("idle", workspace, "everything-process");

        ResponseEntity<Map<String, Object>> refused = manager.postJson(
                "/api/instances",
                "{\"clientId\":\"next\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat((String) refused.getBody().get("detail")).contains("instance limit of 1");

        for (int i = 0; i < 5; i++) {
            manager.http()
                    .post()
                    .uri("/api/instances/{id}/activity", idle.id())
                    .retrieve()
                    .toBodilessEntity();
            Thread.sleep(1_000);
        }
        assertThat(manager.list())
                .as("activity keeps it alive past the idle timeout")
                .hasSize(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> manager.list().isEmpty());
        assertThat(manager.http().get().uri("/api/events/recent").retrieve().body(String.class))
                .contains("\"type\":\"REAPED\"");
        assertThat(manager.provisionHealthy("next", workspace, "everything-process")
                        .ports())
                .containsKey("mcp");
    }
}
