package io.devopsparadise.instances.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.testsupport.ServiceCredential;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A caller that gives up on an exec (the quality run was cancelled, the orchestrator stopped) must not leave
 * the command running: it sleeps, then writes a marker; the HTTP connection is closed while it sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ExecCancellationIntegrationTests {

    private Path workspaces;
    private ManagerContext manager;

    @BeforeAll
    void startManager() throws Exception {
        workspaces = Files.createTempDirectory("paradise-workspaces");
        manager = ManagerContext.start(Files.createTempDirectory("paradise-home"), workspaces);
    }

    @AfterEach
    void deleteInstances() {
        manager.deleteAll();
    }

    @AfterAll
    void stopManager() {
        manager.close();
    }

    @Test
    void aCancelledExecInAProcessInstanceNeverFinishesItsWork() throws Exception {
        assertCancellingKills("everything-process", "application/json");
    }

    @Test
    void aCancelledExecInAContainerNeverFinishesItsWork() throws Exception {
        assertCancellingKills("everything", "application/json");
    }

    @Test
    void aCancelledStreamingExecInAContainerNeverFinishesItsWork() throws Exception {
        assertCancellingKills("everything", "text/event-stream");
    }

    /**
     * The caller stays connected, as a Java HttpClient that gave up on a call still waiting for its headers does: the
     * cancel by the exec's id kills the command and ends the answer.
     */
    @Test
    void anExecCancelledByItsIdIsKilledWhileItsCallerStillWaits() throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve("named"));
        InstanceView instance = manager.provisionHealthy("cancel-named", workspace, "everything-process");
        String token = "cancel-named-" + System.nanoTime();
        String execId = "exec-" + System.nanoTime();

        try (Socket socket = new Socket("127.0.0.1", manager.port())) {
            send(
                    socket,
                    "/api/instances/" + instance.id() + "/exec",
                    markerAfter(6_000, token),
                    "application/json",
                    execId);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processesNaming(token).size() >= 2);
            long cancelled = System.nanoTime();
            int status = manager.http()
                    .delete()
                    .uri("/api/instances/{id}/execs/{exec}", instance.id(), execId)
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();
            assertThat(status).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processesNaming(token).isEmpty());
            long killedAfterMillis = (System.nanoTime() - cancelled) / 1_000_000;
            System.out.printf("named exec killed %d ms after its cancel%n", killedAfterMillis);
            assertThat(killedAfterMillis).as("killed within 4 s of the cancel").isLessThan(4_000);
            socket.setSoTimeout(10_000);
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("the answer ends, without a result")
                    .startsWith("HTTP/1.1 200")
                    .doesNotContain("exitCode");
        }
        await("no marker: the exec never ran on")
                .during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(9))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("marker")));
    }

    @Test
    void anExecCancelledBeforeItArrivesNeverRuns() throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve("early"));
        InstanceView instance = manager.provisionHealthy("cancel-early", workspace, "everything-process");
        String execId = "early-" + System.nanoTime();
        manager.http()
                .delete()
                .uri("/api/instances/{id}/execs/{exec}", instance.id(), execId)
                .retrieve()
                .toBodilessEntity();

        var answer = manager.http()
                .post()
                .uri("/api/instances/{id}/exec", instance.id())
                .header("Paradise-Exec-Id", execId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(markerAfter(0, "early"))
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));

        assertThat(answer).startsWith("409").contains("cancelled before it arrived");
        await("no marker: the exec never ran on")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("marker")));
    }

    @Test
    void aSecondExecWithTheIdOfARunningOneIsRefused() throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve("same-id"));
        InstanceView instance = manager.provisionHealthy("cancel-same-id", workspace, "everything-process");
        String token = "same-id-" + System.nanoTime();
        String execId = "twice-" + System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", manager.port())) {
            send(
                    socket,
                    "/api/instances/" + instance.id() + "/exec",
                    markerAfter(6_000, token),
                    "application/json",
                    execId);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processesNaming(token).size() >= 2);

            var second = manager.http()
                    .post()
                    .uri("/api/instances/{id}/exec", instance.id())
                    .header("Paradise-Exec-Id", execId)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(markerAfter(0, "second"))
                    .exchange((request, response) -> response.getStatusCode().value() + " "
                            + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));

            assertThat(second).startsWith("409").contains("is already running");
            manager.http()
                    .delete()
                    .uri("/api/instances/{id}/execs/{exec}", instance.id(), execId)
                    .retrieve()
                    .toBodilessEntity();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processesNaming(token).isEmpty());
        }
    }

    @Test
    void anExecIdThatIsNotAShortWordIsRefused() throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve("bad-id"));
        InstanceView instance = manager.provisionHealthy("cancel-bad-id", workspace, "everything-process");
        for (String bad : new String[] {"a b", "x".repeat(65), "..", "ünïcode"}) {
            var answer = manager.http()
                    .post()
                    .uri("/api/instances/{id}/exec", instance.id())
                    .header("Paradise-Exec-Id", bad)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(markerAfter(0, "bad"))
                    .exchange((request, response) -> response.getStatusCode().value() + " "
                            + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(answer).as(bad).startsWith("400").contains("Paradise-Exec-Id must be 1 to 64");
        }
        await("no marker: the exec never ran on")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("marker")));
    }

    /** An exec whose command writes a marker file after the delay through a child process, so that the whole tree has to go. */
    private static String markerAfter(int millis, String token) {
        String script =
                "require('child_process').spawn(process.execPath,['-e',\"setTimeout(()=>require('fs').writeFileSync('marker','"
                        + token + "')," + millis + ")\",'" + token + "'],{stdio:'inherit'}); setTimeout(()=>{},60000)";
        return "{\"command\":[\"node\",\"-e\",\"" + script.replace("\"", "\\\"") + "\",\"" + token
                + "\"],\"timeoutSeconds\":120}";
    }

    private void assertCancellingKills(String profile, String accept) throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve(profile + accept.length()));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxrwxrwx"));
        InstanceView instance =
                manager.provisionHealthy("cancel-" + accept.length() + "-" + profile, workspace, profile);
        String token = "cancel-me-" + System.nanoTime();
        String body = markerAfter(6_000, token);

        try (Socket socket = new Socket("127.0.0.1", manager.port())) {
            send(socket, "/api/instances/" + instance.id() + "/exec", body, accept);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processesNaming(token).size() >= 2);
        }
        long left = System.nanoTime();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> processesNaming(token).isEmpty());
        long killedAfterMillis = (System.nanoTime() - left) / 1_000_000;
        System.out.printf("exec on %s (%s) killed %d ms after its caller left%n", profile, accept, killedAfterMillis);
        assertThat(killedAfterMillis)
                .as("killed within 4 s of the caller leaving")
                .isLessThan(4_000);
        await("no marker: the exec never ran on")
                .during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(9))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("marker")));
        assertThat(processesNaming(token)).isEmpty();
    }

    private static void send(Socket socket, String path, String body, String accept) throws Exception {
        send(socket, path, body, accept, null);
    }

    private static void send(Socket socket, String path, String body, String accept, String execId) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(
                ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: " + accept
                                + (execId == null ? "" : "\r\nParadise-Exec-Id: " + execId)
                                + "\r\nConnection: close\r\nAuthorization: " + ServiceCredential.authorization()
                                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Processes on this host, those in containers included, whose command line carries the token. */
    private static List<ProcessHandle> processesNaming(String token) {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(token)).orElse(false))
                .toList();
    }
}
