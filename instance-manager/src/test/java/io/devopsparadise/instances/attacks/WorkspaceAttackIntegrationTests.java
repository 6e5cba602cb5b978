package io.devopsparadise.instances.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.instances.support.ManagerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.http.ResponseEntity;

/**
 * Workspaces that would hand a client's instance the platform's data directory (its admin token) or the
 * operator's credentials, tried the way an attacker would: directly, from above, and through links.
 * The manager runs with a home of its own: {@code home/platform/data} is its data directory, {@code home} the
 * allowed root and the home whose {@code .ssh} is guarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Isolated("it ends every server-everything process of this JVM")
class WorkspaceAttackIntegrationTests {

    private Path home;
    private Path data;
    private Path sshKeys;
    private Path projects;
    private ManagerContext manager;

    @BeforeAll
    void startManager() throws Exception {
        home = Files.createTempDirectory("attacked-home").toRealPath();
        data = Files.createDirectories(home.resolve("platform/data"));
        Files.writeString(data.resolve("admin-token"), "pdb_admin_secret");
        sshKeys = Files.createDirectories(home.resolve(".ssh/keys"));
        projects = Files.createDirectories(home.resolve("projects"));
        manager = ManagerContext.start(
                data, home, "paradise.instances.user-home=" + home, "paradise.instances.restart.max-restarts=3");
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
    void provisioningTheHomeDirectoryItselfIsRefused() {
        assertRefused(provision("home", home), "inside-allowed-root", "is an allowed root itself");
    }

    @Test
    void provisioningTheDataDirectoryIsRefused() {
        assertRefused(provision("data", data), "outside-data-directory", "lies inside the platform's data directory");
    }

    @Test
    void provisioningADirectoryContainingTheDataDirectoryIsRefused() {
        assertRefused(
                provision("above-data", home.resolve("platform")),
                "outside-data-directory",
                "contains the platform's data directory");
    }

    @Test
    void provisioningADirectoryInsideSshIsRefused() {
        assertRefused(provision("ssh", sshKeys), "outside-secret-directories", "lies inside the credential directory");
    }

    @Test
    void provisioningALinkToTheHomeTheDataDirectoryItsParentOrSshIsRefused() throws Exception {
        assertRefused(provision("link-home", link("to-home", home)), "inside-allowed-root", "allowed root itself");
        assertRefused(provision("link-data", link("to-data", data)), "outside-data-directory", "lies inside");
        assertRefused(
                provision("link-above", link("to-platform", home.resolve("platform"))),
                "outside-data-directory",
                "contains");
        assertRefused(provision("link-ssh", link("to-ssh", sshKeys)), "outside-secret-directories", "lies inside");
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void checkingAWorkspaceNamesTheRuleItBreaksOrAnswersItsRealPath() throws Exception {
        Path project = Files.createDirectories(projects.resolve("fine"));

        ResponseEntity<Map<String, Object>> fine = check(link("to-fine", project));
        assertThat(fine.getStatusCode().value()).isEqualTo(200);
        assertThat(fine.getBody()).containsEntry("workspace", project.toString());
        assertRefused(check(home), "inside-allowed-root", "allowed root itself");
        assertRefused(check(link("checked-data", data)), "outside-data-directory", "lies inside");
        assertRefused(check(sshKeys), "outside-secret-directories", "lies inside");
        assertRefused(check(Path.of("/etc")), "inside-allowed-root", "outside the allowed roots");
        assertThat(manager.postJson("/api/workspace-checks", "{\"workspace\":\"relative\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aWorkspaceSwappedForALinkToSshAfterProvisioningIsNeverRestartedInIt() throws Exception {
        Path workspace = Files.createDirectories(projects.resolve("swapped"));
        String id = String.valueOf(manager.provision("swapper", workspace, "everything-process", 60)
                .getBody()
                .id());

        Files.move(workspace, projects.resolve("swapped-away"));
        Files.createSymbolicLink(workspace, sshKeys);
        ProcessHandle.current()
                .children()
                .filter(child -> child.info()
                        .arguments()
                        .map(args -> String.join(" ", args).contains("server-everything"))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.get(id).state().name().equals("FAILED"));
        assertThat(manager.get(id).health()).contains("not restarted").contains("outside-secret-directories");
    }

    private Path link(String name, Path target) throws Exception {
        return Files.createSymbolicLink(projects.resolve(name), target);
    }

    private ResponseEntity<Map<String, Object>> provision(String client, Path workspace) {
        return manager.postJson(
                "/api/instances",
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
    }

    private ResponseEntity<Map<String, Object>> check(Path workspace) {
        return manager.postJson("/api/workspace-checks", "{\"workspace\":\"" + workspace + "\"}");
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> response, String rule, String detail) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(400);
        assertThat(response.getBody()).containsEntry("rule", rule).doesNotContainKey("trace");
        assertThat((String) response.getBody().get("detail")).contains(detail).contains(rule);
    }
}
