package io.devopsparadise.gateway.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.security.ServiceApis;
import io.devopsparadise.security.ServiceCredential;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's instance cache. When its event stream reconnects, events it missed (a manager that restarted replays
 * none) must not leave it serving an instance that is gone; when another gateway replica provisions the same client at
 * the same moment, it uses that instance. The instance-manager is a small real HTTP server whose answers the test
 * sets; the cache talks to it through the real client.
 */
class ClientInstancesTests {

    private static final String RESTARTED = """
            id: 1
            event: RESTARTED
            data: {"sequence":1,"type":"RESTARTED","instanceId":"i1","clientId":"alice","from":"RESTARTING","to":"STARTING","message":"restart 1 of at most 5","timestamp":"2026-11-30T06:00:00Z"}

            """;
    private static final Client ALICE =
            new Client("alice", "alice", "/w", null, "standard", Instant.EPOCH, Instant.EPOCH, null);

    private final AtomicReference<String> listed =
            new AtomicReference<>(List.of(instance("i1", "HEALTHY")).toString());
    private final AtomicReference<java.util.function.Supplier<String>> provisioning =
            new AtomicReference<>(() -> instance("i2", "HEALTHY"));
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<String> restarted = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch sendRestart = new java.util.concurrent.CountDownLatch(1);
    private final AtomicReference<String> event = new AtomicReference<>(RESTARTED);
    private HttpServer manager;
    private ClientInstances instances;

    @BeforeEach
    void start(@TempDir Path home) throws IOException {
        manager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        manager.createContext("/api/instances", exchange -> {
            if ("GET".equals(exchange.getRequestMethod())) {
                lookups.incrementAndGet();
                answer(exchange, 200, listed.get());
            } else {
                String answer = provisioning.get().get();
                answer(exchange, answer.contains("\"status\":409") ? 409 : 201, answer);
            }
        });
        manager.createContext("/api/events", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (var body = exchange.getResponseBody()) {
                body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                sendRestart.await();
                body.write(event.get().getBytes(StandardCharsets.UTF_8));
                body.flush();
                Thread.sleep(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException | IOException closed) {
                // the test ended
            }
        });
        manager.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // the event stream holds its thread
        manager.start();
        Map<String, String> settings = Map.of(
                "paradise.gateway.home",
                home.toString(),
                "paradise.gateway.public-url",
                "http://127.0.0.1:8100",
                "paradise.gateway.instance-manager-url",
                "http://127.0.0.1:" + manager.getAddress().getPort());
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("paradise.gateway", GatewayProperties.class);
        ServiceCredential credential = ServiceCredential.from(home.resolve("service-token"));
        InstanceManagerClient client = new InstanceManagerClient(
                new ServiceApis(RestClient.builder(), credential),
                WebClient.builder(),
                properties,
                credential,
                JsonMapper.builder().build());
        instances = new ClientInstances(client, properties, Clock.systemUTC());
        instances.onRestart(restarted::add);
    }

    @AfterEach
    void stop() {
        sendRestart.countDown();
        instances.stop();
        manager.stop(0);
    }

    @Test
    void anInstanceDeletedWhileTheStreamWasDownIsNoLongerUsed() {
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).id()).isEqualTo("i1");
        listed.set("[]");

        instances.catchUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> restarted.contains("alice"));
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).id())
                .as("provisioned anew")
                .isEqualTo("i2");
    }

    @Test
    void anInstanceReplacedOrFailedMeanwhileIsForgotten() {
        instances.ensure(ALICE).block(Duration.ofSeconds(5));
        listed.set(List.of(instance("i1", "FAILED")).toString());

        instances.catchUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> restarted.contains("alice"));
    }

    @Test
    void anInstanceThatIsStillThereStaysCached() {
        instances.ensure(ALICE).block(Duration.ofSeconds(5));
        int before = lookups.get();

        instances.catchUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> lookups.get() == before + 1);
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).id()).isEqualTo("i1");
        assertThat(lookups.get()).as("served from the cache").isEqualTo(before + 1);
        assertThat(restarted).isEmpty();
    }

    @Test
    void anInstanceAnotherReplicaProvisionedMeanwhileIsUsed() {
        listed.set("[]");
        // the other replica's provisioning won: the manager refuses this one, and the instance it keeps is starting
        provisioning.set(() -> {
            listed.set(List.of(instance("i1", "STARTING")).toString());
            new Thread(() -> {
                        sleep(Duration.ofMillis(300));
                        listed.set(List.of(instance("i1", "HEALTHY")).toString());
                    })
                    .start();
            return """
                    {"status":409,"title":"Client already has an instance","detail":"Client alice already has instance i1; delete it first or use it","instanceId":"i1"}""";
        });

        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).id()).isEqualTo("i1");
    }

    @Test
    void anInstanceRestartedOnOtherPortsIsLookedUpAgain() {
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).mcpUrl())
                .isEqualTo(url(8201));
        int before = lookups.get();
        instances.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lookups.get() > before);
        assertThat(restarted)
                .as("connected: the instance was still where it was")
                .isEmpty();

        // another program took its port: the manager restarted it on another
        listed.set(List.of(instance("i1", "HEALTHY", 8207)).toString());
        sendRestart.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> restarted.contains("alice"));
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).mcpUrl())
                .isEqualTo(url(8207));
    }

    @Test
    void anInstanceThatIsRestartingIsLookedUpAgainBeforeItIsUsed() {
        instances.ensure(ALICE).block(Duration.ofSeconds(5));
        event.set(RESTARTED
                .replace("\"type\":\"RESTARTED\"", "\"type\":\"STATE_CHANGED\"")
                .replace("event: RESTARTED", "event: STATE_CHANGED")
                .replace("\"from\":\"RESTARTING\",\"to\":\"STARTING\"", "\"from\":\"HEALTHY\",\"to\":\"RESTARTING\""));
        int before = lookups.get();
        instances.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lookups.get() > before);
        instances.ensure(ALICE).block(Duration.ofSeconds(5));
        int connected = lookups.get();
        assertThat(connected)
                .as("served from the cache while the instance is healthy")
                .isEqualTo(before + 1);

        sendRestart.countDown();

        // its process ended: its port is free for any program to take, so the cached address is not used again
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            instances.ensure(ALICE).block(Duration.ofSeconds(5));
            return lookups.get() > connected;
        });
    }

    @Test
    void anInstanceMovedToOtherPortsWhileTheStreamWasDownIsLookedUpAgain() {
        instances.ensure(ALICE).block(Duration.ofSeconds(5));
        listed.set(List.of(instance("i1", "HEALTHY", 8207)).toString());

        instances.catchUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> restarted.contains("alice"));
        assertThat(instances.ensure(ALICE).block(Duration.ofSeconds(5)).mcpUrl())
                .isEqualTo(url(8207));
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String instance(String id, String state) {
        return instance(id, state, 8201);
    }

    private static String instance(String id, String state, int port) {
        return """
                {"id":"%s","clientId":"alice","profile":"code-process","engine":"process","workspace":"/w","state":"%s","ports":{"mcp":%d},
                 "mcpUrl":"http://127.0.0.1:%d/mcp","health":"ok","createdAt":"2026-11-30T06:00:00Z","startedAt":"2026-11-30T06:00:00Z",
                 "uptimeSeconds":1,"restartCount":0,"lastActivity":"2026-11-30T06:00:00Z","isolation":"none"}""".formatted(id, state, port, port);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
