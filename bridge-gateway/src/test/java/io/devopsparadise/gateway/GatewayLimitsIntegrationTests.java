package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits on one gateway: a client over its rate limit gets 429 with a JSON-RPC error while another client is not
 * affected; a session no request used for the idle timeout is ended.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GatewayLimitsIntegrationTests {

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    @Test
    void eachLimitHoldsForTheClientThatPassesIt() throws Exception {
        try (InstanceManagerProcess manager =
                        InstanceManagerProcess.start(Files.createDirectories(home.resolve("m")), workspaces);
                GatewayContext gateway = GatewayContext.start(
                        Files.createDirectories(home.resolve("g")),
                        manager,
                        "--paradise.gateway.rate-limit=5",
                        "--paradise.gateway.session-idle-timeout=3s",
                        "--paradise.gateway.session-sweep-interval=200ms")) {
            String noisy = gateway.register(
                    "noisy", Files.createDirectories(workspaces.resolve("noisy")), "everything-process");
            String calm =
                    gateway.register("calm", Files.createDirectories(workspaces.resolve("calm")), "everything-process");
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(pingAsync(gateway, noisy));
            }
            List<HttpResponse<String>> limited = burst.stream()
                    .map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 429)
                    .toList();
            String body = limited.isEmpty() ? "{}" : limited.get(0).body();

            // 5 permits a second: a burst of 20 sent at once is mostly refused, however slow the machine
            assertThat(limited).hasSizeGreaterThanOrEqualTo(5);
            assertThat(GatewayContext.json(body).path("error").path("message").asString())
                    .contains("Rate limit exceeded for client noisy");
            assertThat(ping(gateway, calm).statusCode()).isEqualTo(400);

            HttpResponse<String> initialized = send(
                    gateway,
                    calm,
                    null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(send(gateway, calm, session, PING).statusCode()).isEqualTo(200);
            // 7 messages in one request are 7 calls: more than the 5 permits a second, however they fall
            String batch = "[" + String.join(",", java.util.Collections.nCopies(7, PING)) + "]";
            HttpResponse<String> batched = send(gateway, calm, session, "2025-03-26", batch);
            assertThat(batched.statusCode()).isEqualTo(429);
            assertThat(batched.body()).contains("a batch counts as its 7 messages");
            Thread.sleep(5_000);
            HttpResponse<String> expired = send(gateway, calm, session, PING);
            assertThat(expired.statusCode()).isEqualTo(404);
            assertThat(expired.body()).contains("initialize a new session");
        }
    }

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    private static HttpResponse<String> send(GatewayContext gateway, String token, String session, String body)
            throws Exception {
        return send(gateway, token, session, "2025-06-18", body);
    }

    private static HttpResponse<String> send(
            GatewayContext gateway, String token, String session, String version, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", version);
        }
        return Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> pingAsync(GatewayContext gateway, String token) {
        return Http.client().sendAsync(request(gateway, token), HttpResponse.BodyHandlers.ofString());
    }

    /** A request the guard admits or refuses before any instance is needed (no session: 400 when admitted). */
    private static HttpResponse<String> ping(GatewayContext gateway, String token) throws Exception {
        return Http.client().send(request(gateway, token), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(GatewayContext gateway, String token) {
        return HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build();
    }
}
