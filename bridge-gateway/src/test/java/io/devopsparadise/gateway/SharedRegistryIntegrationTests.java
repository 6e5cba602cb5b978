package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.PostgresServer;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateways on one real PostgreSQL server (Debian's, a cluster of the test's own), each with its own data
 * directory: what one learns about clients, the other knows within its registry refresh; a session one opened, the
 * other continues; their usage adds up in the shared tables. Flyway's migrations, written for H2, run on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedRegistryIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration REFRESH = Duration.ofMillis(300);

    private PostgresServer postgres;
    private InstanceManagerProcess manager;
    private GatewayContext first;
    private GatewayContext second;
    private Path workspaces;

    @BeforeAll
    void start() throws Exception {
        postgres = PostgresServer.start();
        Path home = Files.createTempDirectory("shared-registry");
        workspaces = Files.createTempDirectory("shared-registry-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        first = gateway(Files.createDirectories(home.resolve("first")));
        second = gateway(Files.createDirectories(home.resolve("second")));
    }

    private GatewayContext gateway(Path home) {
        return gateway(home, REFRESH);
    }

    private GatewayContext gateway(Path home, Duration refresh) {
        return GatewayContext.start(
                home,
                manager,
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + PostgresServer.USER,
                "--paradise.gateway.registry-refresh=" + refresh.toMillis() + "ms");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {first, second, manager, postgres}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    @Test
    void aClientRegisteredOnOneGatewayConnectsThroughTheOther() throws Exception {
        String token = registerOnFirstKnownToSecond("roamer");
        HttpResponse<String> initialized = initialize(second, token);

        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(initialized.headers().firstValue("Mcp-Session-Id")).isPresent();
    }

    @Test
    void aClientRegisteredOnOneGatewayConnectsThroughAnotherAtOnce() throws Exception {
        // a gateway that reads the clients only every 10 minutes: only an unknown token makes it read them sooner
        try (GatewayContext slow = gateway(Files.createTempDirectory("shared-registry-slow"), Duration.ofMinutes(10))) {
            String token = first.register("hasty", workspace("hasty"), "everything-process");

            HttpResponse<String> initialized = initialize(slow, token);

            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
            assertThat(initialize(slow, "pdb_" + "x".repeat(43)).statusCode())
                    .as("a token no gateway issued is still refused")
                    .isEqualTo(401);
        }
    }

    @Test
    void aTokenRotatedOnOneGatewayStopsWorkingOnTheOther() throws Exception {
        String old = registerOnFirstKnownToSecond("rotator");

        HttpResponse<String> rotated = second.admin("POST", "/api/clients/rotator/token", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String fresh = JSON.readTree(rotated.body()).path("token").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(first, "rotator", old) == 401);
        assertThat(status(first, "rotator", fresh)).isEqualTo(200);
    }

    @Test
    void aClientDeletedOnOneGatewayIsRefusedByTheOther() throws Exception {
        String token = registerOnFirstKnownToSecond("leaver");
        String oldSession =
                initialize(first, token).headers().firstValue("Mcp-Session-Id").orElseThrow();

        assertThat(first.admin("DELETE", "/api/clients/leaver", null).statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(second, "leaver", token) == 401);
        HttpResponse<String> again = second.admin(
                "POST",
                "/api/clients",
                java.util.Map.of(
                        "name",
                        "leaver",
                        "workspace",
                        workspace("leaver").toString(),
                        "backendProfile",
                        "everything-process"));
        assertThat(again.statusCode())
                .as("the name is free again on the other gateway")
                .isEqualTo(201);
        String newToken = JSON.readTree(again.body()).path("token").asString();
        assertThat(post(second, newToken, oldSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                        .statusCode())
                .as("a new client of the same name never continues the old one's sessions")
                .isEqualTo(404);
    }

    @Test
    void bothGatewaysCountIntoTheSameUsage() throws Exception {
        String token = registerOnFirstKnownToSecond("counter");

        assertThat(initialize(first, token).statusCode()).isEqualTo(200);
        assertThat(initialize(second, token).statusCode()).isEqualTo(200);

        usage(first); // each gateway writes what it counted when asked
        JsonNode counted = usage(second);
        assertThat(counted.path("sessions").asLong())
                .as("one session through each gateway")
                .isEqualTo(2);
        assertThat(counted.path("requests").asLong()).isEqualTo(2);
    }

    @Test
    void aSessionOpenedOnOneGatewayContinuesOnTheOther() throws Exception {
        String token = registerOnFirstKnownToSecond("traveller");
        HttpResponse<String> initialized = initialize(first, token);
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(first, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .statusCode())
                .isEqualTo(202);

        HttpResponse<String> echoed = post(
                second,
                token,
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                        + "\"arguments\":{\"message\":\"moved\"}}}");

        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.body()).contains("moved");
        assertThat(post(second, token, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}")
                        .statusCode())
                .as("the adopted session goes on on the second gateway")
                .isEqualTo(200);
    }

    @Test
    void aSessionContinuedOnTheOtherGatewayKeepsItsBackendSession() throws Exception {
        String token = registerOnFirstKnownToSecond("keeper");
        String session =
                initialize(first, token).headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(first, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        String toggle = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"toggle-simulated-logging\",\"arguments\":{}}}";

        String started = post(first, token, session, toggle).body();
        String stopped = post(second, token, session, toggle).body();

        // server-everything keeps the toggle per backend session, and names the session in its answer
        assertThat(started).contains("Started simulated");
        assertThat(stopped)
                .as("the second gateway toggled the same backend session off, not a new one on")
                .contains("Stopped simulated")
                .contains(backendSession(started));
    }

    private static String backendSession(String toggled) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("for session ([0-9a-f-]{36})").matcher(toggled);
        assertThat(matcher.find()).as(toggled).isTrue();
        return matcher.group(1);
    }

    @Test
    void aSessionEndedOnOneGatewayIsNotContinuedOnTheOther() throws Exception {
        String token = registerOnFirstKnownToSecond("finisher");
        String session =
                initialize(first, token).headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<String> ended = HTTP.send(
                HttpRequest.newBuilder(URI.create(first.url("/mcp")))
                        .header("Authorization", "Bearer " + token)
                        .header("Mcp-Session-Id", session)
                        .header("MCP-Protocol-Version", "2025-06-18")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).isEqualTo(204);

        // the first try comes after a few refreshes: a try that came before would continue the session there
        await().pollDelay(REFRESH.multipliedBy(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> post(second, token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                                .statusCode()
                        == 404);
    }

    @Test
    void endingAllOfAClientsSessionsOnOneGatewayEndsThoseTheOtherOpened() throws Exception {
        String token = registerOnFirstKnownToSecond("closer");
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        String opened =
                initialize(second, token).headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(second, token, opened, ping).statusCode()).isEqualTo(200);

        assertThat(first.request("DELETE", "/api/clients/closer/sessions", "Bearer " + token, null)
                        .statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> post(second, token, opened, ping).statusCode() == 404);
        assertThat(post(first, token, opened, ping).statusCode())
                .as("nor does the first take it up")
                .isEqualTo(404);
        String later =
                initialize(second, token).headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(second, token, later, ping).statusCode())
                .as("a session opened afterwards lives")
                .isEqualTo(200);
    }

    @Test
    void anotherClientPresentingASessionIdGetsWhatAnUnknownIdGets() throws Exception {
        String owner = first.register("owner", workspace("owner"), "everything-process");
        String thief = registerOnFirstKnownToSecond("thief");
        String session =
                initialize(first, owner).headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<String> stolen =
                post(second, thief, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(stolen.body()).doesNotContain("owner");
    }

    private static HttpResponse<String> post(GatewayContext gateway, String token, String session, String body)
            throws Exception {
        return HTTP.send(
                mcp(gateway, token)
                        .header("Mcp-Session-Id", session)
                        .header("MCP-Protocol-Version", "2025-06-18")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a client on the first gateway and waits until the second knows it; its token. */
    private String registerOnFirstKnownToSecond(String name) throws Exception {
        String token = first.register(name, workspace(name), "everything-process");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(second, name, token) == 200);
        return token;
    }

    private JsonNode usage(GatewayContext gateway) throws Exception {
        HttpResponse<String> usage = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url("/api/usage")))
                        .header("Authorization", ServiceCredential.authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        return JSON.readTree(usage.body())
                .valueStream()
                .filter(row -> row.path("clientId").asString().equals("counter"))
                .findFirst()
                .orElseThrow();
    }

    private static int status(GatewayContext gateway, String client, String token) throws Exception {
        return gateway.request("GET", "/api/clients/" + client, "Bearer " + token, null)
                .statusCode();
    }

    private static HttpResponse<String> initialize(GatewayContext gateway, String token) throws Exception {
        return HTTP.send(
                mcp(gateway, token)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the gateway's MCP endpoint as a Streamable HTTP client sends it. */
    private static HttpRequest.Builder mcp(GatewayContext gateway, String token) {
        return HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
    }

    private Path workspace(String name) throws Exception {
        Path dir = Files.createDirectories(workspaces.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
