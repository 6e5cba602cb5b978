package io.devopsparadise.instances.codebackend;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.testsupport.Corpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The code-process profile with the real bridge, lsmcp and pyright on boltons (cloned from the corpora): the
 * instance reports INDEXING while pyright reads the workspace and becomes HEALTHY after; one that indexes longer
 * than its profile allows is restarted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CodeBackendProfileIntegrationTests {

    @TempDir
    Path workspaces;
    @TempDir
    Path home;

    private ManagerContext manager;

    @AfterEach
    void cleanUp() {
        if (manager != null) {
            manager.deleteAll();
            manager.close();
        }
    }

    @Test
    void isIndexingUntilTheLanguageServerHasReadTheWorkspaceThenHealthy() throws Exception {
        Path boltons = Corpora.clone("boltons", workspaces.resolve("boltons"));
        manager = ManagerContext.start(home, workspaces);

        InstanceView healthy = manager.provisionHealthy("boltons-dev", boltons, "code-process");

        List<InstanceState> path = transitions(healthy.id());
        assertThat(path).containsSubsequence(InstanceState.STARTING, InstanceState.INDEXING, InstanceState.HEALTHY);
        assertThat(eventsOf(healthy.id()).stream().filter(e -> e.to() == InstanceState.INDEXING).findFirst().orElseThrow().message())
                .contains("python");
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + healthy.ports().get("mcp") + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"state\":\"ready\"").contains("\"name\":\"python\"");
    }

    @Test
    void anInstanceStillIndexingAfterItsWarmUpTimeIsRestarted() throws Exception {
        Path boltons = Corpora.clone("boltons", workspaces.resolve("slow"));
        // pyright needs seconds for boltons: a quarter of a second is never enough
        manager = ManagerContext.start(home, workspaces, "paradise.instances.profiles.code-process.warmup-timeout=250ms",
                "paradise.instances.restart.max-restarts=1");

        String id = manager.provision("slow-dev", boltons, "code-process", 0).getBody().id();

        await().atMost(Duration.ofMinutes(2)).until(() -> manager.get(id).state() == InstanceState.FAILED);
        assertThat(eventsOf(id)).anySatisfy(event -> assertThat(event.message()).contains("still getting ready after 250 ms"));
        assertThat(transitions(id)).contains(InstanceState.RESTARTING).doesNotContain(InstanceState.HEALTHY);
    }

    private List<InstanceEvent> eventsOf(String id) {
        return manager.bean(InstanceEventBus.class).recent().stream().filter(e -> e.instanceId().equals(id)).toList();
    }

    private List<InstanceState> transitions(String id) {
        return eventsOf(id).stream().map(InstanceEvent::to).filter(java.util.Objects::nonNull).toList();
    }
}
