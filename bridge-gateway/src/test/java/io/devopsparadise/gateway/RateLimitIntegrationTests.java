package io.devopsparadise.gateway;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.InstanceManagerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A client over its rate limit gets 429 with a JSON-RPC error; another client is not affected. */
class RateLimitIntegrationTests {

    @TempDir
    Path home;
    @TempDir
    Path workspaces;

    @Test
    void answers429OverTheLimitAndKeepsOtherClientsServed() throws Exception {
        try (InstanceManagerProcess manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("m")), workspaces);
             GatewayContext gateway = GatewayContext.start(Files.createDirectories(home.resolve("g")), manager, "--paradise.gateway.rate-limit=5")) {
            String noisy = gateway.register("noisy", Files.createDirectories(workspaces.resolve("noisy")), "everything-process");
            String calm = gateway.register("calm", Files.createDirectories(workspaces.resolve("calm")), "everything-process");
            int limited = 0;
            String body = "";
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = ping(gateway, noisy);
                if (response.statusCode() == 429) {
                    limited++;
                    body = response.body();
                }
            }

            assertThat(limited).isGreaterThanOrEqualTo(10);
            assertThat(GatewayContext.json(body).path("error").path("message").asString()).contains("Rate limit exceeded for client noisy");
            assertThat(ping(gateway, calm).statusCode()).isEqualTo(400);
        }
    }

    /** A request the guard admits or refuses before any instance is needed (no session: 400 when admitted). */
    private static HttpResponse<String> ping(GatewayContext gateway, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
