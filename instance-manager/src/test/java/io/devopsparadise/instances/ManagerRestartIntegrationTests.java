package io.devopsparadise.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.lifecycle.Installation;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.runtime.docker.ContainerSpec;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.instances.support.McpProbe;
import io.devopsparadise.instances.support.TestDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Stops the manager while instances run, starts a new one on the same data directory, and checks what it recovers. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Isolated("every server-everything process of this JVM must be gone")
class ManagerRestartIntegrationTests {

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    private ManagerContext manager;

    @AfterEach
    void cleanUp() {
        if (manager != null) {
            manager.deleteAll();
            manager.close();
        }
    }

    private Path workspace(String name) throws Exception {
        Path dir = Files.createDirectories(workspaces.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Test
    void aRestartedManagerRecoversExactlyWhatStillRuns() throws Exception {
        manager = ManagerContext.start(home, workspaces);
        DockerClient docker = TestDocker.client();
        List<InstanceView> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(manager.provisionHealthy("docker-" + i, workspace("d" + i), "everything"));
        }
        for (int i = 0; i < 2; i++) {
            before.add(manager.provisionHealthy("process-" + i, workspace("p" + i), "everything-process"));
        }
        String installation = manager.bean(Installation.class).id();
        manager.close();

        InstanceView dead = before.get(4);
        killProcessListeningFor(dead);
        String orphan = startOrphanContainer(docker, installation);

        manager = ManagerContext.start(home, workspaces);
        List<InstanceView> survivors = before.subList(0, 4);
        Map<String, InstanceView> recovered =
                manager.list().stream().collect(Collectors.toMap(InstanceView::id, v -> v));

        assertThat(recovered.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        survivors.stream().map(InstanceView::id).toList());
        survivors.forEach(old -> assertThat(recovered.get(old.id()).ports()).isEqualTo(old.ports()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> manager.list().stream().allMatch(v -> v.state() == InstanceState.HEALTHY));
        assertThat(McpProbe.toolsList(
                        survivors.stream().map(InstanceView::mcpUrl).toList()))
                .hasSize(4);
        assertThat(manager.bean(PortAllocator.class).holders()).doesNotContain(dead.id());
        assertThat(docker.listContainersCmd()
                        .withShowAll(true)
                        .withIdFilter(List.of(orphan))
                        .exec())
                .isEmpty();

        InstanceView fresh = manager.provisionHealthy("after-restart", workspace("fresh"), "everything-process");
        Set<Integer> survivorPorts =
                survivors.stream().flatMap(v -> v.ports().values().stream()).collect(Collectors.toSet());
        assertThat(fresh.ports().values()).doesNotContainAnyElementsOf(survivorPorts);

        manager.deleteAll();
        assertThat(manager.bean(PortAllocator.class).holders()).isEmpty();
        assertThat(docker.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(ContainerSpec.INSTALLATION, installation))
                        .exec())
                .isEmpty();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("server-everything"))
                        .filter(p ->
                                p.info().commandLine().orElse("").contains(home.toString()) || isChildOfThisJvm(p)))
                .isEmpty();
    }

    private static boolean isChildOfThisJvm(ProcessHandle process) {
        return process.parent()
                .map(parent -> parent.pid() == ProcessHandle.current().pid())
                .orElse(false);
    }

    /** Ends the process serving an instance from outside, as a crash while the manager was down would. */
    private static void killProcessListeningFor(InstanceView instance) throws Exception {
        String port = String.valueOf(instance.ports().get("mcp"));
        ProcessHandle.current()
                .children()
                .filter(child -> child.info().commandLine().orElse("").contains("server-everything"))
                .filter(child -> environmentPort(child).equals(port))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static String environmentPort(ProcessHandle process) {
        try {
            String environ = Files.readString(Path.of("/proc/" + process.pid() + "/environ"));
            return java.util.Arrays.stream(environ.split("\0"))
                    .filter(e -> e.startsWith("PORT="))
                    .map(e -> e.substring(5))
                    .findFirst()
                    .orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    /** A container carrying our labels that no record knows: left behind by a crash between create and save. */
    private static String startOrphanContainer(DockerClient docker, String installation) {
        String id = docker.createContainerCmd("paradise-test/server-everything:latest")
                .withLabels(Map.of(
                        ContainerSpec.MANAGED,
                        "true",
                        ContainerSpec.INSTALLATION,
                        installation,
                        ContainerSpec.INSTANCE_ID,
                        "ghost",
                        ContainerSpec.CLIENT_ID,
                        "ghost"))
                .withCmd("streamableHttp")
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
        return id;
    }
}
