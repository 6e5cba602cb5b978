package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.LoadBalancer;
import io.devopsparadise.gateway.support.SoakClients;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.PostgresServer;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway replicas, each its own process on one real PostgreSQL, behind Debian's HAProxy running the shipped
 * configuration; 20 reference SDK clients (4 registered clients, 5 sessions each) call echo in a loop while one replica
 * is killed with SIGKILL. What a client would see is what the clients count: they retry nothing themselves, and the SDK
 * only reconnects its event streams, with Last-Event-ID, as the 2025-03-26 and later revisions allow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GatewayFailoverIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 4;
    private static final int SESSIONS_PER_CLIENT = 5;

    private Path home;
    private PostgresServer postgres;
    private InstanceManagerProcess manager;
    private final ServiceProcess[] gateways = new ServiceProcess[2];
    private final int[] ports = new int[2];
    private LoadBalancer balancer;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("gateway-failover");
        postgres = PostgresServer.start();
        Path workspaces = Files.createDirectories(home.resolve("workspaces"));
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        ports[0] = ServiceProcess.freePort();
        ports[1] = ServiceProcess.freePort();
        gateways[0] = startGateway(0);
        gateways[1] = startGateway(1);
        balancer = LoadBalancer.start(home, ports);
    }

    private ServiceProcess startGateway(int n) throws Exception {
        return ServiceProcess.startOn(
                ports[n],
                "bridge-gateway",
                Files.createDirectories(home.resolve("gateway-" + (n + 1))),
                "--paradise.gateway.instance-manager-url=" + manager.url(""),
                "--paradise.gateway.admin-token=" + GatewayContext.ADMIN_TOKEN,
                "--paradise.gateway.provision-timeout=90s",
                "--paradise.gateway.registry-refresh=300ms",
                // the clients call as fast as they can: the per-client rate limit is not what this test is about
                "--paradise.gateway.rate-limit=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + PostgresServer.USER);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {balancer, gateways[0], gateways[1], manager, postgres}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    @Test
    void aReplicaKilledMidLoadCostsTheClientsNothing() throws Exception {
        List<SoakClients.Target> targets = new ArrayList<>();
        for (int c = 1; c <= CLIENTS; c++) {
            targets.add(new SoakClients.Target(balancer.url("/mcp"), register("soaker-" + c), SESSIONS_PER_CLIENT));
        }
        try (SoakClients clients = SoakClients.start(home, targets)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> clients.calls() >= 500);
            JsonNode toggled = clients.toggleLogging();
            assertThat(toggled.path("toggled").asInt()).as(toggled.toString()).isEqualTo(CLIENTS * SESSIONS_PER_CLIENT);
            assertThat(balancer.requestsTo(1)).as("both replicas serve").isPositive();
            assertThat(balancer.requestsTo(2)).as("both replicas serve").isPositive();
            Map<String, JsonNode> beforeKill = bySession(clients.sessions());

            gateways[0].processHandle().destroyForcibly();
            long callsAtKill = clients.calls();
            await().atMost(Duration.ofSeconds(30)).until(() -> !balancer.isUp(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> clients.calls() >= callsAtKill + 1_000);
            // Every session's event stream lives on: one the killed replica carried is reconnected by the SDK (with
            // Last-Event-ID) to the other, which continues the same backend session; the others hear the backend's
            // simulated logging (every 5 s) as before. Whether a resumed stream then carries notifications is the
            // backend's part: server-everything's event store replays every stream's events after the id and loses
            // its standalone stream (its replayEventsAfter answers an event id where the SDK expects a stream id).
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> bySession(clients.sessions()).values().stream()
                                .allMatch(now -> reconnected(now, beforeKill) || heardAgain(now, beforeKill)));
            } catch (org.awaitility.core.ConditionTimeoutException silent) {
                throw new AssertionError(
                        "event streams neither reconnected nor heard from; before: " + beforeKill.values() + " now: "
                                + clients.sessions(),
                        silent);
            }
            Map<String, JsonNode> afterKill = bySession(clients.sessions());

            gateways[0] = startGateway(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> balancer.isUp(1));
            long rejoinedAt = balancer.requestsTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                openSession(targets.get(0).token());
                return balancer.requestsTo(1) > rejoinedAt;
            });

            JsonNode summary = clients.stop();
            System.out.printf(
                    "failover: %d calls, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d requests replayed on the"
                            + " other replica%n",
                    summary.path("calls").asLong(),
                    summary.path("errors").asLong(),
                    summary.path("p50Ms").asDouble(),
                    summary.path("p99Ms").asDouble(),
                    summary.path("maxMs").asDouble(),
                    balancer.redispatched());
            assertThat(summary.path("sessions").asInt()).isEqualTo(CLIENTS * SESSIONS_PER_CLIENT);
            assertThat(summary.path("errors").asLong())
                    .as(summary.path("errorCounts").toString())
                    .isZero();
            assertThat(afterKill.values())
                    .as("the sessions whose event stream the killed replica carried reconnected it to the other")
                    .anyMatch(session -> reconnected(session, beforeKill));
        }
    }

    private static boolean reconnected(JsonNode now, Map<String, JsonNode> before) {
        return now.path("getStreams").asInt()
                > before.get(now.path("sessionId").asString())
                        .path("getStreams")
                        .asInt();
    }

    private static boolean heardAgain(JsonNode now, Map<String, JsonNode> before) {
        return now.path("notifications").asInt()
                > before.get(now.path("sessionId").asString())
                        .path("notifications")
                        .asInt();
    }

    private static Map<String, JsonNode> bySession(JsonNode sessions) {
        Map<String, JsonNode> byId = new HashMap<>();
        sessions.forEach(session -> byId.put(session.path("sessionId").asString(), session));
        return byId;
    }

    private String register(String name) throws Exception {
        Path workspace = Files.createDirectories(home.resolve("workspaces").resolve(name));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> registered = Http.client()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[1] + "/api/clients"))
                                .header("Authorization", "Bearer " + GatewayContext.ADMIN_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "name",
                                        name,
                                        "workspace",
                                        workspace.toString(),
                                        "backendProfile",
                                        "everything-process"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = JSON.readTree(registered.body()).path("token").asString();
        // the other replica knows the client after its next registry refresh
        await().atMost(Duration.ofSeconds(10)).until(() -> knows(ports[0], name, token));
        return token;
    }

    private static boolean knows(int gatewayPort, String name, String token) throws Exception {
        return Http.client()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + gatewayPort + "/api/clients/" + name))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 200;
    }

    /** Opens a session through the load balancer; its status. */
    private int openSession(String token) throws Exception {
        return Http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(balancer.url("/mcp")))
                                .timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
