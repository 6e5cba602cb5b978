package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.security.SecretFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The setup's steps against a platform answering over real HTTP (a small server playing the gateway, the
 * orchestrator, the report-service and the dashboard, with their answers as their APIs give them). The whole
 * platform, started by the script, is StartScriptIntegrationTests' part.
 */
class SetupTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @TempDir
    Path workspace;

    private final FakePlatform platform = new FakePlatform();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        SecretFile.readOrCreate(home.resolve("admin-token"), "pda_");
        // the setup reads the credential where the environment says, as the build's tests have it, else in its home
        String configured = System.getenv("PARADISE_SERVICE_TOKEN_FILE");
        SecretFile.readOrCreate(configured != null ? Path.of(configured) : home.resolve("service-token"), "pds_");
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void aNewClientIsRegisteredForTheRealPathOfItsWorkspace() throws Exception {
        setup("alice", "quick", false).run();

        JsonNode registered = platform.body("POST /api/clients");
        assertThat(registered.path("name").asString()).isEqualTo("alice");
        assertThat(registered.path("workspace").asString())
                .isEqualTo(workspace.toRealPath().toString());
        assertThat(registered.path("qualityProfile").asString()).isEqualTo("quick");
    }

    @Test
    void theClientsTokenIsSavedReadableByItsOwnerOnly() throws Exception {
        setup("alice", "quick", false).run();

        Path token = home.resolve("clients/alice/token");
        assertThat(Files.readString(token)).isEqualTo(platform.issued.get(0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
                .isEqualTo("rw-------");
    }

    @Test
    void aRerunReusesTheRegisteredClient() {
        setup("alice", "quick", false).run();
        setup("alice", "quick", false).run();

        assertThat(platform.count("POST /api/clients")).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("client 'alice' is already registered; reusing it");
    }

    @Test
    void aRerunReusesTheSavedToken() {
        setup("alice", "quick", false).run();
        setup("alice", "quick", false).run();

        assertThat(platform.issued).hasSize(1);
    }

    @Test
    void aRegisteredClientWhoseTokenIsNotOnFileGetsANewOne() throws Exception {
        setup("alice", "quick", false).run();
        Files.delete(home.resolve("clients/alice/token"));

        setup("alice", "quick", false).run();

        assertThat(platform.count("POST /api/clients/alice/token")).isEqualTo(1);
        assertThat(Files.readString(home.resolve("clients/alice/token"))).isEqualTo(platform.issued.get(1));
    }

    @Test
    void withoutClaudeCodeTheWorkspacesMcpJsonGetsTheServer() throws Exception {
        JsonNode servers = mcpServersAfterSetupBesideAnother();

        assertThat(servers.path(Setup.SERVER_NAME).path("url").asString())
                .isEqualTo(platform.url("/mcp").toString());
    }

    @Test
    void withoutClaudeCodeTheWorkspacesMcpJsonKeepsItsOtherServers() throws Exception {
        JsonNode servers = mcpServersAfterSetupBesideAnother();

        assertThat(servers.path("other").path("command").asString()).isEqualTo("other-server");
    }

    private JsonNode mcpServersAfterSetupBesideAnother() throws Exception {
        Files.writeString(
                workspace.resolve(".mcp.json"),
                "{\"mcpServers\":{\"other\":{\"type\":\"stdio\",\"command\":\"other-server\"}}}");

        setup("alice", "quick", false).run();

        return JSON.readTree(Files.readString(workspace.resolve(".mcp.json"))).path("mcpServers");
    }

    @Test
    void anMcpJsonThatIsNotAConfigurationIsLeftAloneWithAClearError() throws Exception {
        Files.writeString(workspace.resolve(".mcp.json"), "[1, 2]");

        assertThatThrownBy(() -> setup("alice", "quick", false).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining(".mcp.json exists but has no mcpServers object");
        assertThat(Files.readString(workspace.resolve(".mcp.json"))).isEqualTo("[1, 2]");
    }

    @Test
    void aNameRegisteredForAnotherWorkspaceIsRefused() {
        platform.clients.add(Map.of("name", "alice", "workspace", "/somewhere/else"));

        assertThatThrownBy(() -> setup("alice", "quick", false).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("client 'alice' is registered for the workspace /somewhere/else");
        assertThat(platform.count("POST /api/clients")).isZero();
    }

    @Test
    void anInvalidClientNameIsRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> setup("../alice", "quick", false).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("client name '../alice' is not allowed");
        assertThat(platform.count("POST /api/clients")).isZero();
    }

    @Test
    void anUnknownQualityProfileIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> setup("alice", "nightly", false).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("unknown quality profile 'nightly'; known: [quick, comprehensive]");
        assertThat(platform.count("POST /api/clients")).isZero();
    }

    @Test
    void anInstanceStillIndexingIsAskedAgain() {
        platform.indexingAnswers.set(2);

        setup("alice", "quick", false).run();

        assertThat(platform.count("POST /mcp")).isEqualTo(3);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("still indexing 1200 files");
    }

    @Test
    void aWrongAdminTokenSaysWhichFileHoldsIt() {
        platform.adminRefused = true;

        assertThatThrownBy(() -> setup("alice", "quick", false).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining(
                        "the admin token in " + home.resolve("admin-token") + " does not match the gateway's");
    }

    @Test
    void theFirstRunIsStartedForTheNewClient() {
        setup("alice", "quick", true).run();

        assertThat(platform.body("POST /api/runs").path("clientId").asString()).isEqualTo("alice");
    }

    @Test
    void theFirstReportWaitsForTheRunToFinish() {
        platform.summariesBeforeTheEnd.set(1);

        setup("alice", "quick", true).run();

        assertThat(platform.count("GET /api/runs/r-1/summary")).isEqualTo(2);
    }

    @Test
    void theFirstReportWaitsForTheRunToBeStored() {
        platform.storedAfter.set(1);

        setup("alice", "quick", true).run();

        assertThat(platform.count("GET /api/runs/r-1")).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("first report: grade B, score 81/100");
    }

    @Test
    void aRunTheReportServiceCouldNotStoreSaysWhy() {
        platform.storageRefusal = "the run is 300 MB, more than paradise.reports.max-run-size (256MB)";

        assertThatThrownBy(() -> setup("alice", "quick", true).run())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("the report-service could not store run r-1: the run is 300 MB");
    }

    private Setup setup(String name, String profile, boolean firstRun) {
        URI url = platform.url("/");
        Setup.Options options = new Setup.Options(
                name,
                workspace,
                profile,
                null,
                null,
                null,
                home,
                url,
                url,
                url,
                url,
                url,
                firstRun,
                "user",
                McpConfigs.DEFAULT_TOKEN_VARIABLE,
                Duration.ofMinutes(1));
        return new Setup(
                options,
                new PlatformApi(JSON),
                JSON,
                new Console(new PrintStream(output, true, StandardCharsets.UTF_8)),
                Optional::empty);
    }

    /** The platform's APIs as far as the setup uses them, over real HTTP; it records every call. */
    private static final class FakePlatform {

        final List<Map<String, String>> clients = new CopyOnWriteArrayList<>();
        final List<String> issued = new CopyOnWriteArrayList<>();
        final AtomicInteger indexingAnswers = new AtomicInteger();
        final AtomicInteger summariesBeforeTheEnd = new AtomicInteger();
        final AtomicInteger storedAfter = new AtomicInteger();
        volatile boolean adminRefused;
        volatile String storageRefusal;
        private final List<String[]> calls = Collections.synchronizedList(new ArrayList<>());
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        long count(String call) {
            synchronized (calls) {
                return calls.stream().filter(c -> c[0].equals(call)).count();
            }
        }

        JsonNode body(String call) {
            synchronized (calls) {
                return calls.stream()
                        .filter(c -> c[0].equals(call))
                        .findFirst()
                        .map(c -> JSON.readTree(c[1]))
                        .orElseThrow(() -> new AssertionError("no " + call + " among "
                                + calls.stream().map(c -> c[0]).toList()));
            }
        }

        private void answer(HttpExchange exchange) throws IOException {
            String call =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new String[] {call, body});
            switch (call) {
                case "GET /api/profiles" ->
                    send(exchange, 200, List.of(Map.of("name", "quick"), Map.of("name", "comprehensive")));
                case "GET /api/clients" ->
                    send(
                            exchange,
                            adminRefused ? 401 : 200,
                            adminRefused ? Map.of("detail", "wrong admin token") : clients);
                case "POST /api/clients" -> {
                    Map<?, ?> request = JSON.readValue(body, Map.class);
                    clients.add(Map.of(
                            "name", (String) request.get("name"), "workspace", (String) request.get("workspace")));
                    send(exchange, 201, Map.of("name", request.get("name"), "token", issue()));
                }
                case "POST /mcp" -> {
                    if (indexingAnswers.getAndDecrement() > 0) {
                        send(
                                exchange,
                                503,
                                Map.of(
                                        "jsonrpc",
                                        "2.0",
                                        "id",
                                        1,
                                        "error",
                                        Map.of("code", -32000, "message", "still indexing 1200 files")));
                    } else {
                        send(
                                exchange,
                                200,
                                Map.of("jsonrpc", "2.0", "id", 1, "result", Map.of("protocolVersion", "2025-06-18")));
                    }
                }
                case "POST /api/sign-in-links" ->
                    send(exchange, 201, Map.of("url", url("/sign-in/x").toString(), "expiresIn", "5m"));
                case "POST /api/runs" -> send(exchange, 202, Map.of("id", "r-1", "state", "QUEUED"));
                case "GET /api/runs/r-1/summary" ->
                    send(
                            exchange,
                            200,
                            summariesBeforeTheEnd.getAndDecrement() > 0
                                    ? Map.of("id", "r-1", "state", "RUNNING", "tools", List.of())
                                    : Map.of(
                                            "id",
                                            "r-1",
                                            "state",
                                            "PASSED",
                                            "verdict",
                                            "passed",
                                            "tools",
                                            List.of(Map.of("tool", "pytest", "status", "PASSED"))));
                case "GET /api/runs/r-1" -> {
                    if (storageRefusal != null) {
                        send(exchange, 422, Map.of("detail", storageRefusal));
                    } else if (storedAfter.getAndDecrement() > 0) {
                        send(exchange, 404, Map.of("detail", "no run r-1"));
                    } else {
                        send(exchange, 200, Map.of("summary", Map.of("grade", "B", "score", 81)));
                    }
                }
                default -> {
                    if (call.matches("POST /api/clients/[^/]+/token")) {
                        send(exchange, 200, Map.of("token", issue()));
                    } else if (call.matches("GET /api/clients/[^/]+")) {
                        send(
                                exchange,
                                200,
                                Map.of(
                                        "instance",
                                        Map.of("state", "HEALTHY", "engine", "process", "ports", Map.of("mcp", 8201))));
                    } else {
                        send(exchange, 404, Map.of("detail", "no " + call));
                    }
                }
            }
        }

        private String issue() {
            String token = "pdc_" + (issued.size() + 1) + "-0123456789abcdefghijklmnopqrstuvwxyz";
            issued.add(token);
            return token;
        }

        private static void send(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
