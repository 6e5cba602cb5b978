package io.devopsparadise.instances.attacks;

import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.testsupport.ServiceCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    private void assertCancellingKills(String profile, String accept) throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve(profile + accept.length()));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxrwxrwx"));
        InstanceView instance = manager.provisionHealthy("cancel-" + accept.length() + "-" + profile, workspace, profile);
        String token = "cancel-me-" + System.nanoTime();
        // a child process does the writing, so that the whole tree has to go
        String script = "require('child_process').spawn(process.execPath,['-e',\"setTimeout(()=>require('fs').writeFileSync('marker','"
                + token + "'),6000)\",'" + token + "'],{stdio:'inherit'}); setTimeout(()=>{},60000)";
        String body = "{\"command\":[\"node\",\"-e\",\"" + script.replace("\"", "\\\"") + "\",\"" + token + "\"],\"timeoutSeconds\":120}";

        try (Socket socket = new Socket("127.0.0.1", manager.port())) {
            send(socket, "/api/instances/" + instance.id() + "/exec", body, accept);
            await().atMost(Duration.ofSeconds(10)).until(() -> processesNaming(token).size() >= 2);
        }
        long left = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> processesNaming(token).isEmpty());
        long killedAfterMillis = (System.nanoTime() - left) / 1_000_000;
        System.out.printf("exec on %s (%s) killed %d ms after its caller left%n", profile, accept, killedAfterMillis);
        assertThat(killedAfterMillis).as("killed within 4 s of the caller leaving").isLessThan(4_000);
        Thread.sleep(7_000);

        assertThat(workspace.resolve("marker")).doesNotExist();
        assertThat(processesNaming(token)).isEmpty();
    }

    private static void send(Socket socket, String path, String body, String accept) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: " + accept
                + "\r\nAuthorization: " + ServiceCredential.authorization() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Processes on this host, those in containers included, whose command line carries the token. */
    private static List<ProcessHandle> processesNaming(String token) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(token)).orElse(false))
                .toList();
    }
}
