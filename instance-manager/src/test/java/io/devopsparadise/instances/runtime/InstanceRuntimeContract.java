package io.devopsparadise.instances.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.health.HealthChecks;
import io.devopsparadise.instances.profiles.BackendProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine must do with an instance, run against the real engine by each implementation's test:
 * start it so that it serves MCP, tell whether it runs, restart it after it was killed from outside,
 * run commands in its workspace with streamed output, and remove it for good.
 */
public abstract class InstanceRuntimeContract {

    @TempDir
    protected Path workspace;

    private final List<RuntimeHandle> started = new ArrayList<>();
    protected InstanceRuntime runtime;
    protected String installationId;

    protected abstract InstanceRuntime createRuntime();

    /** A profile of this engine that runs @modelcontextprotocol/server-everything. */
    protected abstract BackendProfile everythingProfile();

    /** Kills what runs under the handle the way an outside actor would (docker kill, kill -9). */
    protected abstract void killFromOutside(RuntimeHandle handle);

    @BeforeEach
    void createRuntimeUnderTest() throws IOException {
        runtime = createRuntime();
        installationId = UUID.randomUUID().toString();
        Files.writeString(workspace.resolve("marker.txt"), "in the workspace");
        // readable by the unprivileged user the test container runs as
        Files.setPosixFilePermissions(workspace, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeEverythingStarted() {
        started.forEach(runtime::remove);
    }

    protected LaunchSpec launchSpec() {
        String instanceId = UUID.randomUUID().toString();
        return new LaunchSpec(
                instanceId,
                "contract-" + instanceId.substring(0, 6),
                installationId,
                everythingProfile(),
                workspace,
                Map.of("mcp", freePort()),
                workspace,
                workspace.resolve("logs/instance.log"));
    }

    protected RuntimeHandle start(LaunchSpec spec) {
        RuntimeHandle handle = runtime.start(spec);
        started.add(handle);
        return handle;
    }

    protected void awaitServing(LaunchSpec spec) {
        var check = HealthChecks.mcpInitialize("mcp", "/mcp");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> check.check(spec.ports(), Duration.ofSeconds(2)).healthy());
    }

    @Test
    void startsAnInstanceThatServesMcpOnItsLeasedPort() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        assertThat(handle.engine()).isEqualTo(runtime.engine());
        assertThat(runtime.isRunning(handle)).isTrue();
        awaitServing(spec);
    }

    @Test
    void removingAnInstanceTwiceLeavesItStopped() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);
        awaitServing(spec);

        runtime.remove(handle);
        runtime.remove(handle);

        assertThat(runtime.isRunning(handle)).isFalse();
        assertThat(HealthChecks.mcpInitialize("mcp", "/mcp")
                        .check(spec.ports(), Duration.ofSeconds(1))
                        .healthy())
                .isFalse();
    }

    @Test
    void restartBringsBackAnInstanceKilledFromOutside() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);
        awaitServing(spec);

        killFromOutside(handle);
        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.isRunning(handle));
        RuntimeHandle restarted = runtime.restart(handle, spec);
        started.add(restarted);

        assertThat(runtime.isRunning(restarted)).isTrue();
        awaitServing(spec);
    }

    @Test
    void execStreamsACommandInTheWorkspaceUntilItExits() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);
        List<String> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();
        String script =
                "console.log(require('fs').readFileSync('marker.txt','utf8')); console.error('warned'); process.exit(3)";

        ExecResult result = runtime.exec(
                handle,
                spec,
                new ExecRequest(List.of("node", "-e", script), null, null),
                Duration.ofSeconds(30),
                (stream, text) -> streamed.add(stream + ":" + text));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).contains("in the workspace");
        assertThat(result.stderr()).contains("warned");
        assertThat(String.join("", streamed))
                .contains("STDOUT:in the workspace")
                .contains("STDERR:warned");
    }

    @Test
    void execPassesItsEnvironmentToTheCommand() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        ExecResult result = runtime.exec(
                handle,
                spec,
                new ExecRequest(
                        List.of("node", "-e", "process.stdout.write(process.env.PARADISE_PROBE)"),
                        null,
                        null,
                        Map.of("PARADISE_PROBE", "from the request")),
                Duration.ofSeconds(30),
                OutputListener.NONE);

        assertThat(result.stdout()).isEqualTo("from the request");
    }

    @Test
    void execThatOutlivesItsTimeoutIsReportedAsTimedOut() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        ExecResult result = runtime.exec(
                handle,
                spec,
                new ExecRequest(List.of("node", "-e", "setTimeout(() => {}, 60000)"), null, null),
                Duration.ofMillis(1500),
                OutputListener.NONE);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
    }

    @Test
    void execThatOutlivesItsTimeoutIsKilledWithEverythingItStarted() throws Exception {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        ExecResult result = runtime.exec(
                handle,
                spec,
                new ExecRequest(List.of("node", "-e", markerLater("timed-out")), null, null),
                Duration.ofMillis(1500),
                OutputListener.NONE);

        assertThat(result.timedOut()).isTrue();
        await("no marker: the exec's child never ran on")
                .during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("timed-out")));
    }

    @Test
    void execWhoseCallerGivesUpIsKilledWithEverythingItStarted() throws Exception {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);
        String script = markerLater("abandoned");
        Thread caller = new Thread(() -> runtime.exec(
                handle,
                spec,
                new ExecRequest(List.of("node", "-e", script), null, null),
                Duration.ofMinutes(1),
                OutputListener.NONE));
        caller.start();
        Thread.sleep(1_000);

        caller.interrupt();
        caller.join(15_000);

        assertThat(caller.isAlive()).isFalse();
        await("no marker: the exec's child never ran on")
                .during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Files.exists(workspace.resolve("abandoned")));
    }

    /** A script whose child process writes the marker in 3 s, while the script itself waits a minute. */
    private String markerLater(String marker) throws IOException {
        Files.setPosixFilePermissions(workspace, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        return "require('child_process').spawn(process.execPath,['-e',\"setTimeout(()=>require('fs').writeFileSync('"
                + marker + "','x'),3000)\"],{stdio:'ignore'}); setTimeout(()=>{},60000)";
    }

    @Test
    void managedUnitsNeverListAnotherInstallationsUnits() {
        start(launchSpec());

        assertThat(runtime.managedUnits(UUID.randomUUID().toString())).isEmpty();
    }

    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
