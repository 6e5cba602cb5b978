package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.McpClientProcess;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of a real instance-manager, real server-everything containers, and real clients: the
 * reference TypeScript SDK (Streamable HTTP and legacy SSE) and the Claude Code CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GatewayIntegrationTests {

    private static final HttpClient HTTP = Http.client();
    private static final String INIT =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private Path home;
    private Path workspaces;
    private InstanceManagerProcess manager;
    private GatewayContext gateway;
    private DockerClient docker;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("gateway-home");
        workspaces = Files.createTempDirectory("gateway-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        gateway = GatewayContext.start(
                Files.createDirectories(home.resolve("gateway")), manager, "--paradise.gateway.max-body-size=64KB");
        DefaultDockerClientConfig config =
                DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        docker = DockerClientImpl.getInstance(
                config,
                new ZerodepDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .build());
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        manager.close();
        docker.close();
    }

    private Path workspace(String name) throws Exception {
        Path dir = Files.createDirectories(workspaces.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private String client(String name) throws Exception {
        return gateway.register(name, workspace(name), "everything");
    }

    @Test
    void referenceSdkClientCallsTheBackendThroughTheGateway() throws Exception {
        String token = client("sdk");
        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            assertThat(mcp.connected().path("server").path("name").asString()).isEqualTo("mcp-servers/everything");
            List<String> tools = names(mcp.list().path("tools"));
            assertThat(tools).contains("echo", "get-sum", "paradise_instance_status");
            assertThat(mcp.call("echo", Map.of("message", "round trip"))
                            .path("result")
                            .toString())
                    .contains("Echo: round trip");
            JsonNode status = mcp.call("paradise_instance_status", Map.of()).path("result");
            assertThat(status.path("structuredContent").path("state").asString())
                    .isEqualTo("HEALTHY");
            assertThat(status.path("structuredContent").path("engine").asString())
                    .isEqualTo("docker");
            assertThat(status.path("structuredContent").path("isolation").asString())
                    .startsWith("container:");
        }
    }

    @Test
    void legacySseClientWorksThroughTheSameGateway() throws Exception {
        String token = client("legacy");
        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/sse"), token, true)) {
            assertThat(names(mcp.list().path("tools"))).contains("echo", "paradise_instance_status");
            assertThat(mcp.call("echo", Map.of("message", "over sse"))
                            .path("result")
                            .toString())
                    .contains("Echo: over sse");
        }
    }

    @Test
    void claudeCodeCliReportsTheGatewayConnected() throws Exception {
        String token = client("claude");
        Path claudeHome = Files.createTempDirectory("claude-home");
        Path claude = RepoPaths.nodeTools().resolve("node_modules/.bin/claude");
        run(
                claudeHome,
                claude.toString(),
                "mcp",
                "add",
                "--transport",
                "http",
                "paradise",
                gateway.url("/mcp"),
                "--header",
                "Authorization: Bearer " + token,
                "-s",
                "user");
        run(
                claudeHome,
                claude.toString(),
                "mcp",
                "add",
                "--transport",
                "http",
                "wrong-token",
                gateway.url("/mcp"),
                "--header",
                "Authorization: Bearer not-a-token",
                "-s",
                "user");

        String list = run(claudeHome, claude.toString(), "mcp", "list");

        assertThat(list).containsPattern("paradise: .*✔ Connected");
        assertThat(list).containsPattern("wrong-token: .*(Failed|✘).*401");
    }

    private static String run(Path home, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    String.join(" ", command) + " did not exit within 30 s after closing its output: " + out);
        }
        return out;
    }

    @Test
    void aClientsTokenNeverReachesAnotherClientsInstanceOrSession() throws Exception {
        String tokenA = client("iso-a");
        String tokenB = client("iso-b");
        try (McpClientProcess a = McpClientProcess.connect(gateway.url("/mcp"), tokenA, false);
                McpClientProcess b = McpClientProcess.connect(gateway.url("/mcp"), tokenB, false)) {
            String hostA = hostname(a);
            String hostB = hostname(b);
            assertThat(hostA).isNotEqualTo(hostB);
            String sessionB = b.connected().path("sessionId").asString();

            for (int i = 0; i < 100; i++) {
                HttpResponse<String> stolen = post(
                        "/mcp",
                        tokenA,
                        Map.of("Mcp-Session-Id", sessionB, "MCP-Protocol-Version", "2025-06-18"),
                        "{\"jsonrpc\":\"2.0\",\"id\":" + i
                                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"get-env\",\"arguments\":{}}}");
                assertThat(stolen.statusCode()).isEqualTo(404);
                assertThat(stolen.body()).doesNotContain(hostB);
            }
            assertThat(post("/clients/iso-b/mcp", tokenA, Map.of(), INIT).statusCode())
                    .isEqualTo(403);
            assertThat(post("/clients/iso-a/mcp", tokenA, Map.of(), INIT).statusCode())
                    .isEqualTo(200);
            assertThat(hostname(a)).isEqualTo(hostA);
            assertThat(hostname(b)).isEqualTo(hostB);
        }
    }

    private static String hostname(McpClientProcess client) throws Exception {
        String env = client.call("get-env", Map.of())
                .path("result")
                .path("content")
                .get(0)
                .path("text")
                .asString();
        String hostname = GatewayContext.json(env).path("HOSTNAME").asString();
        assertThat(hostname).as("HOSTNAME in " + env).matches("[0-9a-f]{12}");
        return hostname;
    }

    @Test
    void sessionSurvivesTheBackendContainerBeingKilled() throws Exception {
        String token = client("phoenix");
        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            String session = mcp.connected().path("sessionId").asString();
            assertThat(mcp.call("echo", Map.of("message", "before")).path("ok").asBoolean())
                    .isTrue();

            String container = docker.listContainersCmd()
                    .withLabelFilter(Map.of("paradise.client-id", "phoenix"))
                    .exec()
                    .get(0)
                    .getId();
            docker.killContainerCmd(container).exec();

            JsonNode after = mcp.call("echo", Map.of("message", "after the kill"));
            assertThat(after.path("ok").asBoolean()).as(after.toString()).isTrue();
            assertThat(after.path("result").toString()).contains("Echo: after the kill");
            assertThat(after.path("sessionId").asString()).isEqualTo(session);
            assertThat(mcp.call("echo", Map.of("message", "again"))
                            .path("result")
                            .toString())
                    .contains("Echo: again");
        }
    }

    @Test
    void badInputGetsClearErrorsWithoutHarmingTheGateway() throws Exception {
        String token = client("careless");
        String session = initialize(token);
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");

        assertError(post("/mcp", token, inSession, "{not json"), 400, -32700, "not valid JSON");
        assertError(post("/mcp", token, inSession, "{\"id\":1,\"method\":\"x\"}"), 400, -32600, "jsonrpc");
        assertError(
                post("/mcp", token, inSession, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"),
                400,
                -32600,
                "batches are not allowed in protocol revision 2025-06-18");
        assertError(
                post("/mcp", token, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"), "{}"),
                400,
                -32022,
                "Unsupported protocol version 1999-01-01");
        assertError(
                post(
                        "/mcp",
                        token,
                        Map.of("Mcp-Session-Id", UUID.randomUUID().toString()),
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"),
                404,
                -32000,
                "not found");
        assertError(
                post("/mcp", token, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"),
                400,
                -32600,
                "Mcp-Session-Id header is required");
        assertError(post("/mcp", null, Map.of(), INIT), 401, -32600, "Missing bearer token");
        assertError(post("/mcp", "wrong", Map.of(), INIT), 401, -32600, "Unknown or revoked");
        assertError(
                post("/mcp", token, Map.of("Origin", "http://evil.example"), INIT),
                403,
                -32600,
                "Origin http://evil.example is not allowed");
        assertError(
                send(
                        "/mcp",
                        token,
                        Map.of("Content-Type", "text/plain", "Accept", "application/json, text/event-stream"),
                        INIT),
                415,
                -32600,
                "Content-Type must be application/json");
        assertError(
                send("/mcp", token, Map.of("Content-Type", "application/json", "Accept", "application/json"), INIT),
                406,
                -32600,
                "text/event-stream");
        assertError(
                post(
                        "/mcp",
                        token,
                        inSession,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(70_000)
                                + "\"}}"),
                413,
                -32600,
                "larger than");

        assertError(
                send(
                        "/mcp",
                        token,
                        Map.of(
                                "Mcp-Session-Id",
                                session,
                                "MCP-Protocol-Version",
                                "2025-06-18",
                                "Accept",
                                "text/event-stream",
                                "Last-Event-ID",
                                "x".repeat(300)),
                        null,
                        "GET"),
                400,
                -32600,
                "Last-Event-ID must be an event id the stream gave");

        HttpResponse<String> notification =
                post("/mcp", token, inSession, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}");
        assertThat(notification.statusCode()).isEqualTo(202);
        HttpResponse<String> ping =
                post("/mcp", token, inSession, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).contains("\"id\":5").contains("\"result\"");
        HttpResponse<String> ended = send("/mcp", token, Map.of("Mcp-Session-Id", session), null, "DELETE");
        assertThat(ended.statusCode()).isEqualTo(204);
        assertError(
                post("/mcp", token, inSession, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}"),
                404,
                -32000,
                "not found");
    }

    @Test
    void servesProtocolRevision20260728WithoutSessions() throws Exception {
        String token = client("modern");
        Map<String, String> discover = Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "server/discover");

        HttpResponse<String> discovered = post("/mcp", token, discover, modern("server/discover", null, 1));
        assertThat(discovered.statusCode()).isEqualTo(200);
        JsonNode result = GatewayContext.json(discovered.body()).path("result");
        assertThat(result.path("supportedVersions").toString()).contains("2026-07-28", "2025-11-25", "2024-11-05");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(discovered.headers().firstValue("Mcp-Session-Id")).isEmpty();

        HttpResponse<String> list = post(
                "/mcp",
                token,
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"),
                modern("tools/list", null, 2));
        assertThat(list.body()).contains("\"echo\"").contains("paradise_instance_status");
        HttpResponse<String> call = post(
                "/mcp",
                token,
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "echo"),
                modern("tools/call", "echo", 3));
        assertThat(call.body()).contains("Echo: modern");

        assertError(
                post(
                        "/mcp",
                        token,
                        Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "get-sum"),
                        modern("tools/call", "echo", 4)),
                400,
                -32020,
                "Mcp-Name header value 'get-sum' does not match body value 'echo'");
        assertError(
                post("/mcp", token, Map.of("MCP-Protocol-Version", "2026-07-28"), modern("tools/list", null, 5)),
                400,
                -32020,
                "Mcp-Method header is missing");
        assertThat(send(
                                "/mcp",
                                token,
                                Map.of("MCP-Protocol-Version", "2026-07-28", "Accept", "text/event-stream"),
                                null,
                                "GET")
                        .statusCode())
                .isEqualTo(405);
    }

    private static String modern(String method, String tool, int id) {
        String meta =
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"raw\",\"version\":\"1\"},"
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String params = tool == null
                ? "{" + meta + "}"
                : "{\"name\":\"" + tool + "\",\"arguments\":{\"message\":\"modern\"}," + meta + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void theClientApiManagesClientsWithTheAdminToken() throws Exception {
        String token = client("api");
        assertThat(gateway.admin("POST", "/api/clients", Map.of("name", "api", "workspace", "/tmp"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(gateway.request("POST", "/api/clients", null, Map.of("name", "x", "workspace", "/tmp"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(gateway.request("POST", "/api/clients", "Bearer " + token, Map.of("name", "x", "workspace", "/tmp"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad =
                gateway.admin("POST", "/api/clients", Map.of("name", "no spaces allowed", "workspace", "/tmp"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("name must be");
        assertThat(gateway.admin("POST", "/api/clients", "{\"name\":").statusCode())
                .isEqualTo(400);

        HttpResponse<String> registered = gateway.admin(
                "POST",
                "/api/clients",
                Map.of(
                        "name",
                        "configured",
                        "workspace",
                        workspace("configured").toString()));
        JsonNode config = GatewayContext.json(registered.body()).path("mcpConfig");
        assertThat(config.path("type").asString()).isEqualTo("http");
        assertThat(config.path("url").asString()).endsWith("/mcp");
        assertThat(config.path("headers").path("Authorization").asString())
                .isEqualTo("Bearer ${DEVOPS_PARADISE_TOKEN}");

        initialize(token);
        HttpResponse<String> own = gateway.request("GET", "/api/clients/api", "Bearer " + token, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"state\":\"HEALTHY\"").contains("\"openSessions\":1");
        assertThat(gateway.request("GET", "/api/clients/configured", "Bearer " + token, null)
                        .statusCode())
                .isEqualTo(403);

        String rotated = GatewayContext.json(
                        gateway.admin("POST", "/api/clients/api/token", null).body())
                .path("token")
                .asString();
        assertThat(post("/mcp", token, Map.of(), INIT).statusCode()).isEqualTo(401);
        assertThat(post("/mcp", rotated, Map.of(), INIT).statusCode()).isEqualTo(200);

        assertThat(gateway.admin("DELETE", "/api/clients/api", null).statusCode())
                .isEqualTo(204);
        assertThat(post("/mcp", rotated, Map.of(), INIT).statusCode()).isEqualTo(401);
        assertThat(manager.get("/api/instances?clientId=api")).isEqualTo("[]");
        assertThat(gateway.admin("DELETE", "/api/clients/api", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void prometheusShowsEachClientsLatencyByMethodBesideItsOpenSessions() throws Exception {
        String token = client("measured");
        initialize(token);

        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                                .header("Authorization", ServiceCredential.authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(metrics)
                .contains(
                        "paradise_gateway_requests_seconds_count{client=\"measured\",method=\"initialize\",status=\"200\"}")
                .contains("paradise_gateway_sessions")
                .as("latency in buckets, by method alone, for the p99 alerting rule")
                .contains("paradise_gateway_latency_seconds_bucket{method=\"initialize\",le=\"0.001\"}")
                .contains("paradise_gateway_latency_seconds_bucket{method=\"initialize\",le=\"+Inf\"}");
    }

    @Test
    void theUsageApiCountsEachClientsTraffic() throws Exception {
        String token = client("counted");
        String session = initialize(token);
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
        List<String> toolNames = List.of("echo", "echo", "x".repeat(100));
        for (int i = 0; i < toolNames.size(); i++) {
            HttpResponse<String> called = post(
                    "/mcp",
                    token,
                    inSession,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                            + toolNames.get(i) + "\",\"arguments\":{\"message\":\"hi\"}}}");
            assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        }
        int requests = 2 + toolNames.size(); // initialize, notifications/initialized, the calls

        HttpResponse<String> anonymous = send("/api/usage", null, Map.of(), null, "GET");
        HttpResponse<String> usage = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url("/api/usage")))
                        .header("Authorization", ServiceCredential.authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).as("usage names clients").isEqualTo(401);
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        JsonNode counted = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(usage.body())
                .valueStream()
                .filter(row -> row.path("clientId").asString().equals("counted"))
                .findFirst()
                .orElseThrow();
        assertThat(counted.path("sessions").asLong()).isEqualTo(1);
        assertThat(counted.path("requests").asLong()).isEqualTo(requests);
        assertThat(counted.path("errors").asLong()).isZero();
        assertThat(counted.path("tools")
                        .valueStream()
                        .map(t -> t.path("tool").asString() + "="
                                + t.path("calls").asLong()))
                .as("a tool name past the bound counts as other")
                .containsExactly("echo=2", "other=1");
    }

    private String initialize(String token) throws Exception {
        HttpResponse<String> response = post("/mcp", token, Map.of(), INIT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(
                "/mcp",
                token,
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    private HttpResponse<String> post(String path, String token, Map<String, String> headers, String body)
            throws Exception {
        Map<String, String> all = new java.util.HashMap<>(
                Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        all.putAll(headers);
        return send(path, token, all, body, "POST");
    }

    private HttpResponse<String> send(String path, String token, Map<String, String> headers, String body)
            throws Exception {
        return send(path, token, headers, body, "POST");
    }

    private HttpResponse<String> send(
            String path, String token, Map<String, String> headers, String body, String method) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return Http.client()
                .send(
                        builder.build(),
                        HttpResponse.BodyHandlers.ofString()); // a connection of its own: see GatewayContext.request
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = GatewayContext.json(response.body()).path("error");
        assertThat(error.path("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(error.path("message").asString()).contains(message);
    }

    private static List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
