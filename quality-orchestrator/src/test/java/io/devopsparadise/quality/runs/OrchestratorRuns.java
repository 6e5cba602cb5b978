package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starting runs through the orchestrator's API and reading their outcomes, for the integration tests. */
final class OrchestratorRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrchestratorRuns() {}

    /** Starts a run and waits until it has finished; answers the finished run. */
    static JsonNode runToTheEnd(URI orchestrator, String clientId, String profile) throws Exception {
        return runToTheEnd(orchestrator, "{\"clientId\":\"" + clientId + "\",\"profile\":\"" + profile + "\"}");
    }

    /** Starts a run from a request body and waits until it has finished. */
    static JsonNode runToTheEnd(URI orchestrator, String body) throws Exception {
        HttpResponse<String> started = Http.send("POST", orchestrator.resolve("/api/runs"), body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        URI run = orchestrator.resolve(
                "/api/runs/" + JSON.readTree(started.body()).path("id").asString());
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> JSON.readTree(Http.get(run).body())
                        .path("state")
                        .asString()
                        .matches("PASSED|FAILED|ERROR|CANCELLED"));
        return JSON.readTree(Http.get(run).body());
    }

    static JsonNode tool(JsonNode run, String name) {
        return run.path("tools")
                .valueStream()
                .filter(t -> t.path("tool").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome of " + name + " in " + run));
    }
}
