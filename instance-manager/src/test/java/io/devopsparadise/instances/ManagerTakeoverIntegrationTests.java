package io.devopsparadise.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.instances.support.McpProbe;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.PortSlices;
import io.devopsparadise.testsupport.PostgresServer;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instance-managers, each its own process, on one real PostgreSQL server: one is active, the other stands by. The
 * active one is killed with SIGKILL while its instances run; the standby takes over within a bound (the lock poll plus
 * reconciliation), adopts every instance as it was (same ids, ports and processes, none started twice), and the
 * port leases in the database are exactly the instances' ports.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ManagerTakeoverIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LEADER_POLL = Duration.ofMillis(500);
    /** What a takeover may take: the standby's next try for the lock, then adopting the instances. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path workspaces;

    private PostgresServer postgres;
    private final List<InstanceManagerProcess> managers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = managers.size() - 1; i >= 0; i--) {
            try {
                managers.get(i).close();
            } catch (java.io.IOException killedAlready) {
                // the killed one cannot delete its instances: the active one did
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theStandbyTakesOverTheInstancesOfAKilledActiveManagerWithinItsBound() throws Exception {
        postgres = PostgresServer.start();
        Path firstHome = Files.createTempDirectory("takeover-first");
        InstanceManagerProcess first = start(firstHome, firstHome);
        InstanceManagerProcess second = start(Files.createTempDirectory("takeover-second"), firstHome);
        assertThat(readiness(first)).isEqualTo(200);
        assertThat(readiness(second)).as("the standby is healthy but not ready").isEqualTo(503);
        HttpResponse<String> refused = api(second, "GET", "/api/instances", null);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("stands by");
        assertThat(api(second, "GET", "/%61pi/instances", null).statusCode())
                .as("another spelling of the path is refused too")
                .isIn(400, 404, 503);

        List<JsonNode> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(provision(first, "takeover-" + i));
        }
        Map<String, Integer> leasedBefore = leases();
        // as the active manager saw them last
        before.clear();
        JSON.readTree(api(first, "GET", "/api/instances", null).body()).forEach(before::add);

        long killedAt = System.nanoTime();
        first.processHandle().destroyForcibly();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> readiness(second) == 200);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("instance-manager takeover: %d ms after SIGKILL%n", takeover.toMillis());

        JsonNode adopted =
                JSON.readTree(api(second, "GET", "/api/instances", null).body());
        assertThat(adopted).hasSize(before.size());
        for (JsonNode old : before) {
            JsonNode now = find(adopted, old.path("id").asString());
            assertThat(now.path("ports")).isEqualTo(old.path("ports"));
            // the database keeps microseconds, rounded
            assertThat(instant(now.path("startedAt")))
                    .as("adopted, not started again")
                    .isCloseTo(
                            instant(old.path("startedAt")),
                            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
            assertThat(now.path("restartCount")).isEqualTo(old.path("restartCount"));
        }
        assertThat(McpProbe.toolsList(
                        before.stream().map(v -> v.path("mcpUrl").asString()).toList()))
                .as("every instance answers MCP")
                .hasSize(before.size());
        assertThat(serverProcessesUnder(workspaces))
                .as("no instance started twice")
                .isEqualTo(before.size());
        assertThat(leases()).as("leases as they were").isEqualTo(leasedBefore);
        assertThat(takeover).isLessThan(TAKEOVER_BOUND);

        JsonNode fresh = provision(second, "after-takeover");
        Set<Integer> taken = new HashSet<>(leasedBefore.values());
        fresh.path("ports").forEach(port -> assertThat(taken).doesNotContain(port.asInt()));
        assertThat(leases().keySet())
                .as("the leases are exactly the instances' ports")
                .containsExactlyInAnyOrderElementsOf(allPortKeys(second));

        InstanceManagerProcess restarted = start(firstHome, firstHome);
        assertThat(readiness(restarted))
                .as("the old active one comes back as the standby")
                .isEqualTo(503);
    }

    private InstanceManagerProcess start(Path home, Path portsOf) throws Exception {
        String[] settings = {
            "--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + PostgresServer.USER,
            "--paradise.instances.leader-poll=" + LEADER_POLL.toMillis() + "ms",
            // this test is about adoption: a probe that times out on a loaded machine must not restart an instance
            "--paradise.instances.health.unhealthy-threshold=1000"
        };
        // both use the ports of the first's range: a standby that takes over leases from the same pool
        var range = PortSlices.forManager(portsOf);
        InstanceManagerProcess manager = range.isPresent()
                ? InstanceManagerProcess.startWithPorts(
                        range.get().from(), range.get().to(), home, workspaces, settings)
                : InstanceManagerProcess.start(home, workspaces, settings);
        managers.add(manager);
        return manager;
    }

    private JsonNode provision(InstanceManagerProcess manager, String client) throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve(client));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = api(
                manager,
                "POST",
                "/api/instances?waitSeconds=60",
                JSON.writeValueAsString(Map.of(
                        "clientId", client, "workspace", workspace.toString(), "profile", "everything-process")));
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        return JSON.readTree(provisioned.body());
    }

    private static java.time.Instant instant(JsonNode instant) {
        return java.time.Instant.parse(instant.asString());
    }

    private static JsonNode find(JsonNode instances, String id) {
        for (JsonNode instance : instances) {
            if (instance.path("id").asString().equals(id)) {
                return instance;
            }
        }
        throw new AssertionError("instance " + id + " was not adopted: " + instances);
    }

    /** "instance-id/name" of every port the manager's instances hold. */
    private static Set<String> allPortKeys(InstanceManagerProcess manager) throws Exception {
        Set<String> keys = new HashSet<>();
        for (JsonNode instance :
                JSON.readTree(api(manager, "GET", "/api/instances", null).body())) {
            instance.path("ports")
                    .propertyNames()
                    .forEach(name -> keys.add(instance.path("id").asString() + "/" + name));
        }
        return keys;
    }

    /** The port_lease table: "instance-id/name" to port. */
    private Map<String, Integer> leases() throws Exception {
        Map<String, Integer> leases = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
                ResultSet rows =
                        connection.createStatement().executeQuery("SELECT instance_id, name, port FROM port_lease")) {
            while (rows.next()) {
                leases.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
            }
        }
        return leases;
    }

    private static long serverProcessesUnder(Path workspaces) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("server-everything"))
                .filter(p -> p.info().commandLine().orElse("").contains("streamableHttp"))
                .filter(p -> isUnder(p, workspaces))
                .count();
    }

    /** Process instances run in their workspace. */
    private static boolean isUnder(ProcessHandle process, Path workspaces) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"))
                    .startsWith(workspaces);
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    private static int readiness(InstanceManagerProcess manager) throws Exception {
        return Http.client()
                .send(
                        HttpRequest.newBuilder(manager.url("/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse<String> api(InstanceManagerProcess manager, String method, String path, String body)
            throws Exception {
        return Http.client()
                .send(
                        HttpRequest.newBuilder(manager.url(path))
                                .timeout(Duration.ofSeconds(90))
                                .header("Authorization", ServiceCredential.authorization())
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
