package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.instances.ClientInstances;
import io.devopsparadise.gateway.instances.InstanceManagerClient;
import io.devopsparadise.gateway.resilience.InstanceResilience;
import io.devopsparadise.security.ServiceApis;
import io.devopsparadise.security.ServiceCredential;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-initialization when a backend loses its sessions (a restart), through the real Backend, ClientInstances and
 * instance-manager client. The backend is a small real HTTP server that keeps sessions and forgets them when the test
 * says so; the instance-manager is another that names it as the client's instance.
 */
class BackendSessionsTests {

    private ReactorResourceFactory resources;
    private Backend backend;

    private static final Client ALICE =
            new Client("alice", "alice", "/w", null, "standard", Instant.EPOCH, Instant.EPOCH, null);
    private static final byte[] INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8);
    /** A request whose "session not found" the backend holds back until the replay is acknowledged. */
    private static final byte[] LATE_LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8);

    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger initializations = new AtomicInteger();
    private final AtomicBoolean refuseInitialize = new AtomicBoolean();
    private final AtomicBoolean holdLostAnswerUntilReplayed = new AtomicBoolean();
    private final AtomicBoolean forgetNewSessions = new AtomicBoolean();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private HttpServer backendServer;
    private HttpServer manager;
    private BackendSessions sessions;
    private BackendBodies bodies;

    @BeforeEach
    void start(@TempDir Path home) throws IOException {
        backendServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backendServer.setExecutor(Executors.newCachedThreadPool());
        backendServer.createContext("/mcp", this::backend);
        backendServer.start();
        manager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        manager.createContext("/api/instances", exchange -> answer(exchange, 200, "[" + instance() + "]", null));
        manager.start();
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "paradise.gateway.home",
                        home.toString(),
                        "paradise.gateway.public-url",
                        "http://127.0.0.1:8100",
                        "paradise.gateway.instance-manager-url",
                        "http://127.0.0.1:" + manager.getAddress().getPort())))
                .bindOrCreate("paradise.gateway", GatewayProperties.class);
        ServiceCredential credential = ServiceCredential.from(home.resolve("service-token"));
        InstanceManagerClient client = new InstanceManagerClient(
                new ServiceApis(RestClient.builder(), credential), WebClient.builder(), properties, credential, mapper);
        resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(Duration.ZERO);
        resources.start();
        backend = new Backend(new InstanceResilience(properties, new SimpleMeterRegistry()), properties, resources);
        bodies = new BackendBodies(1 << 20);
        sessions = new BackendSessions(
                backend, new ClientInstances(client, properties, Clock.systemUTC()), bodies, new JsonRpc(mapper));
    }

    @AfterEach
    void stop() {
        backend.destroy();
        resources.stop();
        backendServer.stop(0);
        manager.stop(0);
    }

    @Test
    void initializeBindsTheBackendsSessionToTheGatewaySession() {
        GatewaySession session = session();

        Relayed answer = sessions.initialize(ALICE, session).block(Duration.ofSeconds(10));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(session.backendSessionId()).isEqualTo("backend-1");
    }

    @Test
    void aLostSessionIsReestablishedBeforeTheRequestIsSentAgain() {
        GatewaySession session = initialized();
        live.clear();

        String answer = text(sessions.send(ALICE, session, LIST).block(Duration.ofSeconds(10)));

        assertThat(answer).contains("\"session\":\"backend-2\"");
        assertThat(initializations).hasValue(2);
        assertThat(acknowledged).contains("backend-2");
        assertThat(session.backendSessionId()).isEqualTo("backend-2");
    }

    @Test
    void concurrentRequestsOnALostSessionShareOneReplay() {
        GatewaySession session = initialized();
        live.clear();

        List<String> answers = Flux.range(0, 8)
                .flatMap(i -> sessions.send(ALICE, session, LIST))
                .flatMap(this::read)
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer).contains("\"session\":\"backend-2\""));
        assertThat(initializations).as("one replay for all of them").hasValue(2);
    }

    @Test
    void aRequestThatHearsLostAfterAReplayFinishedIsSentAgainWithoutAnother() {
        GatewaySession session = initialized();
        live.clear();
        holdLostAnswerUntilReplayed.set(true);

        List<String> answers = Flux.just(LIST, LATE_LIST)
                .flatMap(body -> sessions.send(ALICE, session, body))
                .flatMap(this::read)
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(answers).hasSize(2).allSatisfy(answer -> assertThat(answer).contains("\"session\":\"backend-2\""));
        assertThat(initializations).as("the late request did not replay again").hasValue(2);
    }

    @Test
    void aSessionLostAgainRightAfterItsReplayIsABadGatewayThatSaysSo() {
        GatewaySession session = initialized();
        live.clear();
        forgetNewSessions.set(true);

        assertThatThrownBy(() -> sessions.send(ALICE, session, LIST).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.httpStatus()).isEqualTo(502))
                .hasMessageContaining("lost the session again");
        assertThat(initializations).as("one replay, not a loop").hasValue(2);
    }

    @Test
    void aReplayTheBackendRefusesIsABadGatewayThatSaysSo() {
        GatewaySession session = initialized();
        live.clear();
        refuseInitialize.set(true);

        assertThatThrownBy(() -> sessions.send(ALICE, session, LIST).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.httpStatus()).isEqualTo(502))
                .hasMessageContaining("did not accept the re-initialization (HTTP 500)");
    }

    @Test
    void aStreamOnALiveSessionResumesAfterTheLastEventTheClientHeard() {
        GatewaySession session = initialized();

        String answer = text(sessions.stream(ALICE, session, "e9").block(Duration.ofSeconds(10)));

        assertThat(answer).contains("\"session\":\"backend-1\"").contains("\"lastEventId\":\"e9\"");
    }

    @Test
    void aStreamOnALostSessionOpensOnTheReplayedSessionWithoutTheOldEventId() {
        GatewaySession session = initialized();
        live.clear();

        String answer = text(sessions.stream(ALICE, session, "e9").block(Duration.ofSeconds(10)));

        assertThat(answer).contains("\"session\":\"backend-2\"").contains("\"lastEventId\":null");
        assertThat(acknowledged).contains("backend-2");
    }

    private GatewaySession initialized() {
        GatewaySession session = session();
        sessions.initialize(ALICE, session).block(Duration.ofSeconds(10));
        return session;
    }

    private GatewaySession session() {
        return new GatewaySession("gateway-1", "alice", "2025-11-25", INITIALIZE, Instant.now());
    }

    private String text(Relayed relayed) {
        return read(relayed).block(Duration.ofSeconds(10));
    }

    private reactor.core.publisher.Mono<String> read(Relayed relayed) {
        return (relayed.isBuffered() ? reactor.core.publisher.Mono.just(relayed.bytes()) : bodies.join(relayed.body()))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** A backend that keeps sessions: initialize opens one (slowly, so that concurrent requests meet the replay), others need a live one. */
    private void backend(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String sessionId = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
        if (body.contains("\"method\":\"initialize\"")) {
            if (refuseInitialize.get()) {
                answer(exchange, 500, "{\"error\":\"restarting\"}", null);
                return;
            }
            sleep(300);
            String opened = "backend-" + initializations.incrementAndGet();
            if (!forgetNewSessions.get()) {
                live.add(opened);
            }
            answer(
                    exchange,
                    200,
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                            + "\"serverInfo\":{\"name\":\"fake\",\"version\":\"1\"}}}",
                    opened);
        } else if (sessionId == null || !live.contains(sessionId)) {
            if (holdLostAnswerUntilReplayed.get() && body.contains("\"id\":7")) {
                awaitAcknowledged("backend-2");
            }
            answer(
                    exchange,
                    404,
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Session not found\"}}",
                    null);
        } else if (body.contains("notifications/initialized")) {
            acknowledged.add(sessionId);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        } else {
            String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            answer(
                    exchange,
                    200,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"session\":\"" + sessionId + "\",\"lastEventId\":"
                            + (lastEventId == null ? "null" : "\"" + lastEventId + "\"") + "}}",
                    null);
        }
    }

    private String instance() {
        return """
                {"id":"i1","clientId":"alice","profile":"code-process","engine":"process","workspace":"/w","state":"HEALTHY","ports":{"mcp":%d},
                 "mcpUrl":"http://127.0.0.1:%d/mcp","health":"ok","createdAt":"2026-11-30T06:00:00Z","startedAt":"2026-11-30T06:00:00Z",
                 "uptimeSeconds":1,"restartCount":0,"lastActivity":"2026-11-30T06:00:00Z","isolation":"none"}""".formatted(
                backendServer.getAddress().getPort(), backendServer.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body, String sessionId) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (sessionId != null) {
            exchange.getResponseHeaders().set("Mcp-Session-Id", sessionId);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitAcknowledged(String backendSession) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!acknowledged.contains(backendSession) && System.nanoTime() < deadline) {
            sleep(10);
        }
        sleep(100); // the gateway marks the session replayed just after the acknowledgement's answer
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
