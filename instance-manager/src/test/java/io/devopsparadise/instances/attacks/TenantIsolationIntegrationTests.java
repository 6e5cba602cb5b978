package io.devopsparadise.instances.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.runtime.docker.ContainerSpec;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.instances.support.McpProbe;
import io.devopsparadise.instances.support.TestDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.ResponseEntity;

/** One client's instance turned against another's, and a shared installation asked for an instance it cannot isolate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TenantIsolationIntegrationTests {

    private Path home;
    private Path workspaces;
    private ManagerContext manager;
    private final DockerClient docker = TestDocker.client();

    @BeforeAll
    void startManager() throws Exception {
        home = Files.createTempDirectory("paradise-home");
        workspaces = Files.createTempDirectory("paradise-workspaces");
        manager = ManagerContext.start(home, workspaces);
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
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Test
    void containerACannotOpenContainerBsMcpPort() throws Exception {
        InstanceView attacker = manager.provisionHealthy("tenant-a", workspace("tenant-a"), "everything");
        InstanceView victim = manager.provisionHealthy("tenant-b", workspace("tenant-b"), "everything");
        String victimIp = containerIp(victim);

        Map<String, Object> attempt = connectFrom(attacker, victimIp, 3001);

        assertThat(String.valueOf(attempt.get("stdout")))
                .as("from inside tenant-a to %s:3001", victimIp)
                .doesNotContain("connected")
                .containsAnyOf("unreachable", "refused");
        assertThat(McpProbe.toolsList(List.of(victim.mcpUrl())).get(victim.mcpUrl()))
                .as("the platform still reaches tenant-b through its published port")
                .contains("echo");
    }

    @Test
    void containerACannotReachContainerBsPortPublishedOnTheHost() throws Exception {
        InstanceView attacker = manager.provisionHealthy("tenant-c", workspace("tenant-c"), "everything");
        InstanceView victim = manager.provisionHealthy("tenant-d", workspace("tenant-d"), "everything");

        Map<String, Object> attempt =
                connectFrom(attacker, gatewayIp(attacker), victim.ports().get("mcp"));

        assertThat(String.valueOf(attempt.get("stdout"))).doesNotContain("connected");
    }

    @Test
    void aSharedInstallationAcceptsOnlyContainerProfiles() throws Exception {
        try (ManagerContext shared = ManagerContext.start(
                Files.createTempDirectory("paradise-shared"), workspaces, "paradise.instances.shared=true")) {
            ResponseEntity<Map<String, Object>> refused = shared.postJson(
                    "/api/instances",
                    "{\"clientId\":\"local\",\"workspace\":\"" + workspace("shared-p")
                            + "\",\"profile\":\"everything-process\"}");
            assertThat(refused.getStatusCode().value())
                    .as(String.valueOf(refused.getBody()))
                    .isEqualTo(400);
            assertThat((String) refused.getBody().get("detail"))
                    .contains("a shared installation requires Docker")
                    .contains("as the platform's own user");

            ResponseEntity<Map<String, Object>> container = shared.postJson(
                    "/api/instances",
                    "{\"clientId\":\"boxed\",\"workspace\":\"" + workspace("shared-d")
                            + "\",\"profile\":\"everything\"}");
            assertThat(container.getStatusCode().value())
                    .as(String.valueOf(container.getBody()))
                    .isEqualTo(201);
            assertThat((String) container.getBody().get("isolation")).startsWith("container:");
            shared.deleteAll();
        }
    }

    @Test
    void aProcessInstanceSaysItIsNotIsolated() throws Exception {
        InstanceView process = manager.provisionHealthy("unboxed", workspace("unboxed"), "everything-process");

        Map<String, Object> view = manager.http()
                .get()
                .uri("/api/instances/{id}", process.id())
                .retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});

        assertThat((String) view.get("isolation")).startsWith("none:").contains("runs as the platform's own user");
    }

    private Map<String, Object> connectFrom(InstanceView from, String host, int port) {
        String script = "const s=require('net').connect(" + port + ",'" + host + "');"
                + "s.on('connect',()=>{console.log('connected');process.exit(0)});"
                + "s.on('error',e=>{console.log('refused '+e.code);process.exit(1)});"
                + "setTimeout(()=>{console.log('unreachable');process.exit(2)},3000)";
        ResponseEntity<Map<String, Object>> answer = manager.postJson(
                "/api/instances/" + from.id() + "/exec",
                "{\"command\":[\"node\",\"-e\",\"" + script.replace("\"", "\\\"") + "\"],\"timeoutSeconds\":20}");
        assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody()))
                .isEqualTo(200);
        return answer.getBody();
    }

    private ContainerNetwork network(InstanceView instance) {
        String id = docker.listContainersCmd()
                .withLabelFilter(Map.of(ContainerSpec.INSTANCE_ID, instance.id()))
                .exec()
                .get(0)
                .getId();
        return docker.inspectContainerCmd(id)
                .exec()
                .getNetworkSettings()
                .getNetworks()
                .values()
                .iterator()
                .next();
    }

    private String containerIp(InstanceView instance) {
        return network(instance).getIpAddress();
    }

    private String gatewayIp(InstanceView instance) {
        return network(instance).getGateway();
    }
}
