package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.gateway.mcp.KnownMethods;
import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.LegacySseStream;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.ServiceCredential;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Attacks of a client that wants to exhaust the gateway's memory or learn other clients' names, each replayed
 * against a real gateway in front of a real instance-manager and real server-everything backends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileClientIntegrationTests {

    private static final HttpClient HTTP = Http.client();
    private static final String INIT =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"hostile\",\"version\":\"1\"}}}";
    private static final String LEGACY_INIT = INIT.replace("2025-06-18", "2024-11-05");
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final int BACKEND_MESSAGE_LIMIT = 64 * 1024;
    private static final int SSE_BUFFER_LIMIT = 256 * 1024;
    private static final int STREAM_LIMIT = 4;

    private Path workspaces;
    private InstanceManagerProcess manager;
    private GatewayContext gateway;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("hostile-home");
        workspaces = Files.createTempDirectory("hostile-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        gateway = GatewayContext.start(
                Files.createDirectories(home.resolve("gateway")),
                manager,
                "--paradise.gateway.rate-limit=0",
                "--paradise.gateway.max-body-size=256KB",
                "--paradise.gateway.max-streams-per-client=" + STREAM_LIMIT,
                "--paradise.gateway.max-backend-message-size=" + BACKEND_MESSAGE_LIMIT + "B",
                "--paradise.gateway.legacy-sse-buffer=" + SSE_BUFFER_LIMIT + "B");
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        manager.close();
    }

    private String client(String name) throws Exception {
        Path dir = Files.createDirectories(workspaces.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return gateway.register(name, dir, "everything-process");
    }

    @Test
    void twoThousandRandomMethodNamesLeaveTheNumberOfMetersBounded() throws Exception {
        String token = client("meters");
        String session = initialize(token);
        MeterRegistry meters = gateway.bean(MeterRegistry.class);
        sendRandomMethods(token, session, 20, new Random(1));
        int before = meters.getMeters().size();

        // a meter per name would add 2,000; the bound allows 10
        List<String> sent = sendRandomMethods(token, session, 2_000, new Random(2));
        sendRandomRequests(300, new Random(3));

        int after = meters.getMeters().size();
        var timers =
                meters.find("paradise.gateway.requests").tag("client", "meters").meters();
        Set<String> methodTags =
                timers.stream().map(meter -> meter.getId().getTag("method")).collect(Collectors.toSet());
        Set<String> statusTags =
                timers.stream().map(meter -> meter.getId().getTag("status")).collect(Collectors.toSet());
        // every unknown method shares the tag "other": the client's timers are bounded by known methods × statuses
        assertThat(methodTags).isSubsetOf(KnownMethods.TAGS).contains(KnownMethods.OTHER);
        assertThat(timers).hasSizeLessThanOrEqualTo(methodTags.size() * statusTags.size());
        // the few new meters: "other" per status seen, and the server's own meters for unmapped paths and methods
        assertThat(after - before)
                .as("meters before %d, after %d", before, after)
                .isLessThanOrEqualTo(10);
        String scrape = HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                                .header("Authorization", ServiceCredential.authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(sent.stream().filter(method -> method.length() > 8 && scrape.contains(method)))
                .isEmpty();
    }

    /** Requests and notifications with random method names (ASCII, Unicode, long), 16 at a time. */
    private List<String> sendRandomMethods(String token, String session, int count, Random random) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<String> methods = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String method = randomMethod(random);
            methods.add(method);
            String body = i % 4 == 0
                    ? "{\"jsonrpc\":\"2.0\",\"method\":" + jsonString(method) + "}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":" + jsonString(method) + "}";
            inFlight.acquire();
            answers.add(HTTP.sendAsync(mcpPost(token, session, body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.join().statusCode()).isIn(200, 202);
        }
        return methods;
    }

    /** Unmapped paths and HTTP methods no server knows: the generic HTTP server meters must not grow with them either. */
    private void sendRandomRequests(int count, Random random) throws Exception {
        for (int i = 0; i < count; i++) {
            String path = "/x" + Integer.toHexString(random.nextInt()) + "/" + Integer.toHexString(random.nextInt());
            String method = i % 2 == 0
                    ? "GET"
                    : "X" + Integer.toHexString(random.nextInt()).toUpperCase();
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway.url(path)))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String randomMethod(Random random) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 24);
        StringBuilder method = new StringBuilder("x");
        for (int i = 0; i < length; i++) {
            method.appendCodePoint(random.nextInt(5) == 0 ? 0xA1 + random.nextInt(0x2000) : 'a' + random.nextInt(26));
        }
        return method.append('/').append(random.nextInt(1_000_000)).toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aClientOverItsSessionLimitIsRefusedWhileOthersStillGetSessions() throws Exception {
        String greedy = client("greedy");
        String patient = client("patient");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sessions.add(initialize(greedy));
        }

        HttpResponse<String> refused = post("/mcp", greedy, Map.of(), INIT);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        JsonNode error = GatewayContext.json(refused.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32000);
        assertThat(error.path("message").asString())
                .contains(
                        "100 open sessions",
                        "paradise.gateway.max-sessions-per-client",
                        "DELETE /mcp",
                        "/api/clients/greedy/sessions");
        assertThat(post("/mcp", patient, Map.of(), INIT).statusCode()).isEqualTo(200);

        HttpResponse<String> ended = send("DELETE", "/mcp", greedy, Map.of("Mcp-Session-Id", sessions.get(0)), null);
        assertThat(ended.statusCode()).isEqualTo(204);
        assertThat(post("/mcp", greedy, Map.of(), INIT).statusCode()).isEqualTo(200);
        HttpResponse<String> endedAll =
                gateway.request("DELETE", "/api/clients/greedy/sessions", "Bearer " + greedy, null);
        assertThat(endedAll.statusCode()).as(endedAll.body()).isEqualTo(204);
        assertThat(post("/mcp", greedy, Map.of(), INIT).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientCannotOpenMoreSseStreamsThanItsLimit() throws Exception {
        String streamer = client("streamer");
        String other = client("other-streamer");
        List<LegacySseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAM_LIMIT; i++) {
                open.add(LegacySseStream.open(gateway.port(), "/sse", streamer));
            }

            String session = initialize(streamer);
            try (LegacySseStream refused = LegacySseStream.open(gateway.port(), "/sse", streamer)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(GatewayContext.json(refused.refusal())
                                .path("error")
                                .path("message")
                                .asString())
                        .contains(STREAM_LIMIT + " open SSE streams", "paradise.gateway.max-streams-per-client");
            }
            HttpResponse<InputStream> refusedGet = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                            .header("Authorization", "Bearer " + streamer)
                            .header("Accept", "text/event-stream")
                            .header("Mcp-Session-Id", session)
                            .header("MCP-Protocol-Version", "2025-06-18")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = refusedGet.body()) {
                assertThat(refusedGet.statusCode()).isEqualTo(429);
                assertThat(new String(body.readAllBytes())).contains("paradise.gateway.max-streams-per-client");
            }
            try (LegacySseStream others = LegacySseStream.open(gateway.port(), "/sse", other)) {
                assertThat(others.endpoint()).contains("/messages?sessionId=");
            }
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                try (LegacySseStream again = LegacySseStream.open(gateway.port(), "/sse", streamer)) {
                    assertThat(again.endpoint()).contains("/messages?sessionId=");
                }
            });
        } finally {
            for (LegacySseStream stream : open) {
                stream.close();
            }
        }
    }

    @Test
    void aLegacyClientThatNeverReadsItsStreamCannotGrowTheGatewaysBuffer() throws Exception {
        String token = client("never-reads");
        try (LegacySseStream stream = LegacySseStream.open(gateway.port(), "/sse", token)) {
            String messages = stream.endpoint();
            assertThat(postMessage(messages, token, LEGACY_INIT).statusCode()).isEqualTo(202);
            assertThat(postMessage(messages, token, INITIALIZED).statusCode()).isEqualTo(202);
            String echo =
                    "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\""
                            + "y".repeat(30_000) + "\"}}}";

            // messages are accepted (202) before their answers come back: keep sending, slower once far past the limit
            HttpResponse<String> refused = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            for (int i = 2; refused == null && System.nanoTime() < deadline; i++) {
                HttpResponse<String> answer = postMessage(messages, token, echo.formatted(i));
                if (answer.statusCode() != 202) {
                    refused = answer;
                } else if (i > 600) {
                    Thread.sleep(100);
                }
            }

            assertThat(refused)
                    .as("every message was accepted while nobody read the stream")
                    .isNotNull();
            assertThat(refused.statusCode()).as(refused.body()).isIn(404, 429);
            assertThat(refused.body()).containsAnyOf("paradise.gateway.legacy-sse-buffer", "was ended");
        }
        assertThat(post("/mcp", client("after-never-reads"), Map.of(), INIT).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everythingOversizedGetsAClearErrorWithoutHarmingTheGateway() throws Exception {
        String token = client("oversized");
        try (LegacySseStream stream = LegacySseStream.open(gateway.port(), "/sse", token)) {
            String messages = stream.endpoint();
            postMessage(messages, token, LEGACY_INIT);
            assertThat(stream.nextMessage()).contains("\"id\":1", "serverInfo");
            postMessage(messages, token, INITIALIZED);

            HttpResponse<InputStream> chunked = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway.url(messages)))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(new byte[1024 * 1024])))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(new String(chunked.body().readAllBytes())).contains("paradise.gateway.max-body-size");

            String big =
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\""
                            + "z".repeat(BACKEND_MESSAGE_LIMIT + 10_000) + "\"}}}";
            assertThat(postMessage(messages, token, big).statusCode()).isEqualTo(202);
            String error = stream.nextMessage();
            assertThat(error)
                    .contains(
                            "\"id\":7",
                            "\"error\"",
                            "larger than " + BACKEND_MESSAGE_LIMIT + " bytes",
                            "paradise.gateway.max-backend-message-size");

            postMessage(
                    messages,
                    token,
                    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"small\"}}}");
            assertThat(stream.nextMessage()).contains("\"id\":8", "Echo: small");
        }
    }

    @Test
    void reinitializingOnTheSameLegacyStreamEndsThePreviousSession() throws Exception {
        String token = client("reinit");
        try (LegacySseStream stream = LegacySseStream.open(gateway.port(), "/sse", token)) {
            String messages = stream.endpoint();
            for (int i = 0; i < 5; i++) {
                postMessage(messages, token, LEGACY_INIT.replace("\"id\":1", "\"id\":" + (100 + i)));
                assertThat(stream.nextMessage()).contains("\"id\":" + (100 + i), "serverInfo");
                postMessage(messages, token, INITIALIZED);
            }

            HttpResponse<String> status = gateway.request("GET", "/api/clients/reinit", "Bearer " + token, null);

            assertThat(GatewayContext.json(status.body()).path("openSessions").asInt())
                    .as(status.body())
                    .isEqualTo(1);
            postMessage(messages, token, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}");
            assertThat(stream.nextMessage()).contains("\"id\":9", "\"result\"");
        }
    }

    @Test
    void clientNamesCannotBeEnumeratedThroughTheClientApi() throws Exception {
        String token = client("enumerated");
        String stranger = client("stranger");
        for (String[] call :
                new String[][] {{"GET", ""}, {"POST", "/token"}, {"DELETE", ""}, {"DELETE", "/sessions"}}) {
            HttpResponse<String> existing = gateway.request(call[0], "/api/clients/enumerated" + call[1], null, null);
            HttpResponse<String> missing =
                    gateway.request(call[0], "/api/clients/no-such-client" + call[1], null, null);
            assertThat(existing.statusCode())
                    .as(call[0] + call[1] + " " + existing.body())
                    .isEqualTo(401);
            assertThat(missing.statusCode())
                    .as(call[0] + call[1] + " " + missing.body())
                    .isEqualTo(401);
            assertThat(detail(existing)).isEqualTo(detail(missing));

            HttpResponse<String> wrong =
                    gateway.request(call[0], "/api/clients/enumerated" + call[1], "Bearer not-a-token", null);
            HttpResponse<String> wrongMissing =
                    gateway.request(call[0], "/api/clients/no-such-client" + call[1], "Bearer not-a-token", null);
            assertThat(wrong.statusCode()).isEqualTo(wrongMissing.statusCode()).isIn(401, 403);
            assertThat(detail(wrong)).isEqualTo(detail(wrongMissing));

            HttpResponse<String> foreign =
                    gateway.request(call[0], "/api/clients/enumerated" + call[1], "Bearer " + stranger, null);
            HttpResponse<String> foreignMissing =
                    gateway.request(call[0], "/api/clients/no-such-client" + call[1], "Bearer " + stranger, null);
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
            assertThat(foreignMissing.statusCode()).as(foreignMissing.body()).isEqualTo(403);
            assertThat(detail(foreign)).isEqualTo(detail(foreignMissing));
        }
        assertThat(gateway.request("GET", "/api/clients/enumerated", "Bearer " + token, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(gateway.admin("GET", "/api/clients/no-such-client", null).statusCode())
                .isEqualTo(404);
    }

    private static String detail(HttpResponse<String> response) {
        return GatewayContext.json(response.body()).path("detail").asString();
    }

    private String initialize(String token) throws Exception {
        HttpResponse<String> response = post("/mcp", token, Map.of(), INIT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("/mcp", token, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"), INITIALIZED);
        return session;
    }

    private HttpRequest mcpPost(String token, String session, String body) {
        return HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> postMessage(String path, String token, String body) throws Exception {
        return send("POST", path, token, Map.of("Content-Type", "application/json"), body);
    }

    private HttpResponse<String> post(String path, String token, Map<String, String> headers, String body)
            throws Exception {
        Map<String, String> all = new HashMap<>(
                Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        all.putAll(headers);
        return send("POST", path, token, all, body);
    }

    private HttpResponse<String> send(
            String method, String path, String token, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        builder.header("Authorization", "Bearer " + token);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
