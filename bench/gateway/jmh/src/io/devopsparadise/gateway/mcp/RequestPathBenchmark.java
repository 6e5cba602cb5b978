package io.devopsparadise.gateway.mcp;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.clients.TokenHasher;
import io.devopsparadise.gateway.resilience.InstanceResilience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's per-request path, piece by piece, each beside the baseline it competes with: the peek at a
 * tools/call against reading it whole, the token check, routing to the session, the per-client timer, and the
 * forward to a backend
 * (Spring's Reactor Netty connector, Resilience4j) against a plain Reactor Netty client to the same echo server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestPathBenchmark {

    static final byte[] CALL = """
            {"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello from a benchmark, long enough to be a real argument","count":3,"flags":{"a":true,"b":[1,2,3]}}}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> clientsByTokenHash = new ConcurrentHashMap<>();
    private final Client client = new Client("alice", "alice", "/w", null, "standard", Instant.EPOCH, Instant.EPOCH, null);
    private String token;
    private McpMetrics metrics;
    private Mono<ServerResponse> ok;
    private DisposableServer echo;
    private ReactorResourceFactory resources;
    private Backend backend;
    private HttpClient plain;
    private InstanceView instance;
    private final Map<String, GatewaySession> sessionsById = new ConcurrentHashMap<>();
    private String knownSession;
    private SessionIds sealing;
    private String sealedSession;

    @Setup(Level.Trial)
    public void start() {
        token = TokenHasher.newToken("pdc_");
        for (int i = 0; i < 1_000; i++) {
            clientsByTokenHash.put(TokenHasher.hash(TokenHasher.newToken("pdc_")), "client-" + i);
        }
        clientsByTokenHash.put(TokenHasher.hash(token), "alice");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        sealing = new SessionIds(new javax.crypto.spec.SecretKeySpec(key, "AES"));
        byte[] initialize = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10_000; i++) {
            String id = sealing.issue("client-" + i % 100, "2025-06-18", initialize, java.util.UUID.randomUUID().toString(), Instant.now());
            sessionsById.put(id, new GatewaySession(id, "client-" + i % 100, "2025-06-18", initialize, Instant.now()));
        }
        sealedSession = sealing.issue("alice", "2025-06-18", initialize, java.util.UUID.randomUUID().toString(), Instant.now());
        knownSession = sealedSession;
        sessionsById.put(knownSession, new GatewaySession(knownSession, "alice", "2025-06-18", initialize, Instant.now()));
        metrics = new McpMetrics(new SimpleMeterRegistry(), usageInMemory());
        ok = ServerResponse.ok().build();
        echo = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .send(request.receive().retain()))
                .bindNow();
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "paradise.gateway.home", System.getProperty("java.io.tmpdir"),
                        "paradise.gateway.public-url", "http://127.0.0.1:8100",
                        "paradise.gateway.instance-manager-url", "http://127.0.0.1:1",
                        "paradise.gateway.rate-limit", "0")))
                .bindOrCreate("paradise.gateway", GatewayProperties.class);
        resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(Duration.ZERO);
        resources.start();
        backend = new Backend(new InstanceResilience(properties, new SimpleMeterRegistry()), properties, resources);
        String url = "http://127.0.0.1:" + echo.port() + "/mcp";
        instance = new InstanceView("i-1", "alice", "everything", Engine.PROCESS, "/w", InstanceState.HEALTHY,
                Map.of("mcp", echo.port()), url, "ok", Instant.EPOCH, Instant.EPOCH, 0, 0, Instant.EPOCH, null, null, null);
        plain = HttpClient.create().runOn(resources.getLoopResources()).keepAlive(true);
    }

    @TearDown(Level.Trial)
    public void stop() {
        backend.destroy();
        echo.disposeNow();
        resources.stop();
    }

    @Benchmark
    public McpMessage peekAToolsCall() {
        return MessagePeek.read(json, CALL);
    }

    /** The baseline: what the gateway did before the peek, a whole tree of the body and the fields read from it. */
    @Benchmark
    public void readAToolsCallWhole(Blackhole sink) {
        JsonNode node = json.readTree(CALL);
        sink.consume(node.path("jsonrpc").asString());
        sink.consume(node.get("id"));
        sink.consume(node.path("method").asString());
        sink.consume(node.path("params").path("name").asString(null));
    }

    @Benchmark
    public String authenticateAToken() {
        return clientsByTokenHash.get(TokenHasher.hash(token));
    }

    /** Routing: a request's Mcp-Session-Id to its session, among 10,000, checked to be the caller's. */
    @Benchmark
    public GatewaySession routeToAKnownSession() {
        GatewaySession session = sessionsById.get(knownSession);
        return session.clientId().equals("alice") ? session : null;
    }

    /** Routing a session another gateway issued: its sealed id opened (AES-GCM), once a session on adoption. */
    @Benchmark
    public Object openASealedSessionId() {
        return sealing.open(sealedSession).orElseThrow();
    }

    @Benchmark
    public ServerResponse timeARequestPerClient() {
        return metrics.time(client, "tools/call", ok).block();
    }

    @Benchmark
    public byte[] forwardThroughTheBackendClient() {
        return backend.post(instance, "alice", "session-1", "2025-11-25", CALL)
                .flatMap(response -> DataBufferUtils.join(response.getBody()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .block();
    }

    /** The baseline: the same call by a plain Reactor Netty client, as a minimal Netty proxy would make it. */
    @Benchmark
    public byte[] forwardThroughPlainReactorNetty() {
        return plain.headers(headers -> headers.set("Content-Type", "application/json"))
                .post()
                .uri(instance.mcpUrl())
                .send((request, out) -> out.sendByteArray(Mono.just(CALL)))
                .responseSingle((response, body) -> body.asByteArray())
                .block();
    }

    /** Usage counted in memory only, as on the request path; the database flush runs on a timer, not per request. */
    private static io.devopsparadise.gateway.usage.UsageRecorder usageInMemory() {
        return new io.devopsparadise.gateway.usage.UsageRecorder(
                null, new SimpleMeterRegistry(), java.time.Clock.systemUTC());
    }
}
