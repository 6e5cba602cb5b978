package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering a client for a workspace that would expose the platform or the developer's secrets: the gateway asks
 * the real instance-manager to check it, so nothing is registered that could never be provisioned safely. The
 * developer's home is a directory of the test's (with its own data directory and ~/.ssh), so nothing real is touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClientRegistrationAttackIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path users;
    private Path alice;
    private Path dataDirectory;
    private InstanceManagerProcess manager;
    private GatewayContext gateway;

    @BeforeAll
    void start() throws Exception {
        users = Files.createTempDirectory("users").toRealPath();
        alice = Files.createDirectories(users.resolve("alice"));
        dataDirectory = Files.createDirectories(alice.resolve(".devops-paradise"));
        Files.createDirectories(alice.resolve(".ssh"));
        Files.createDirectories(alice.resolve("projects/shop"));
        manager = InstanceManagerProcess.start(
                dataDirectory, users, "--paradise.instances.user-home=" + alice, "--paradise.instances.engine=process");
        gateway = GatewayContext.start(Files.createDirectories(dataDirectory.resolve("gateway")), manager);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        manager.close();
    }

    private HttpResponse<String> register(String name, Path workspace) throws Exception {
        return gateway.admin(
                "POST",
                "/api/clients",
                Map.of("name", name, "workspace", workspace.toString(), "backendProfile", "everything-process"));
    }

    private void assertRefused(HttpResponse<String> answer, String rule) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("rule").asString()).isEqualTo(rule);
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void registeringTheAllowedRootItselfIsRefused() throws Exception {
        assertRefused(register("root", users), "inside-allowed-root");
    }

    @Test
    void registeringTheHomeThatHoldsTheDataDirectoryIsRefused() throws Exception {
        assertRefused(register("home", alice), "outside-data-directory");
    }

    @Test
    void registeringTheDataDirectoryIsRefused() throws Exception {
        assertRefused(register("data", dataDirectory), "outside-data-directory");
    }

    @Test
    void registeringASecretDirectoryIsRefused() throws Exception {
        assertRefused(register("ssh", alice.resolve(".ssh")), "outside-secret-directories");
    }

    @Test
    void registeringALinkToTheDataDirectoryIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(alice.resolve("projects/innocent"), dataDirectory);

        assertRefused(register("link", link), "outside-data-directory");
    }

    @Test
    void aSafeWorkspaceIsRegisteredByItsRealPath() throws Exception {
        Path link = Files.createSymbolicLink(alice.resolve("projects/shop-link"), alice.resolve("projects/shop"));

        HttpResponse<String> registered = register("shop", link);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(JSON.readTree(registered.body())
                        .path("client")
                        .path("workspace")
                        .asString())
                .isEqualTo(alice.resolve("projects/shop").toString());
    }
}
