package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;

/**
 * Many clients at once, each with its own instance, through one gateway. The instances run on the process
 * engine: the same lifecycle as containers, and fifty of them start within CI's time on two cores.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Isolated("fifty instances at once: it measures the gateway under load, with no other class beside it")
class GatewayLoadIntegrationTests {

    private static final int CLIENTS = 50;
    private static final int CALLS = 100;

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    @Test
    void fiftyClientsEachWithTheirOwnInstanceMakeAHundredCallsWithoutAnError() throws Exception {
        // the whole port range: the class runs alone, and fifty instances need more than a parallel class's slice of it
        try (InstanceManagerProcess manager = InstanceManagerProcess.startWithPorts(
                        8200, 8299, Files.createDirectories(home.resolve("m")), workspaces);
                GatewayContext gateway = GatewayContext.start(Files.createDirectories(home.resolve("g")), manager)) {
            List<Map<String, String>> targets = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String token = gateway.register(
                        "load-" + i, Files.createDirectories(workspaces.resolve("w" + i)), "everything-process");
                targets.add(Map.of("url", gateway.url("/mcp"), "token", token));
            }
            Path file = home.resolve("targets.json");
            Files.writeString(file, toJson(targets));

            JsonNode summary = load(file);

            assertThat(summary.path("errors").asInt()).as(summary.toString()).isZero();
            assertThat(summary.path("calls").asInt()).isEqualTo(CLIENTS * CALLS);
            assertThat(manager.instanceIds()).hasSize(CLIENTS);
            String metrics = Http.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                                    .header("Authorization", ServiceCredential.authorization())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics).contains("client=\"load-49\",method=\"tools/call\",status=\"200\"");
        }
    }

    private static String toJson(List<Map<String, String>> targets) {
        StringBuilder json = new StringBuilder("[");
        for (Map<String, String> target : targets) {
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"url\":\"")
                    .append(target.get("url"))
                    .append("\",\"token\":\"")
                    .append(target.get("token"))
                    .append("\"}");
        }
        return json.append("]").toString();
    }

    private static JsonNode load(Path targets) throws Exception {
        Process process = new ProcessBuilder(
                        "node",
                        RepoPaths.nodeTools().resolve("mcp-client.mjs").toString(),
                        "load",
                        targets.toString(),
                        String.valueOf(CALLS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return GatewayContext.json(out);
    }
}
