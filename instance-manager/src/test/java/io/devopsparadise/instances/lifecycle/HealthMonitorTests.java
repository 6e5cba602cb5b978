package io.devopsparadise.instances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.ManagedUnit;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import io.devopsparadise.security.PortHolders;
import io.devopsparadise.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The health monitor's transitions and backoff on virtual time: the clock is moved by hand, the health endpoint is a real
 * HTTP server whose answer the test sets, the registry is the real one on an in-memory H2 migrated by the real scripts.
 * The engine is a stand-in that records restarts and removals (the real ones start containers and processes, which their
 * own contract suite tests); nothing here waits.
 */
class HealthMonitorTests {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final MovingPorts ports = new MovingPorts();
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private HttpServer health;
    private InstanceRegistry registry;
    private InstanceEventBus events;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HealthMonitor monitor;
    private Path workspace;

    @BeforeEach
    void start(@TempDir Path root) throws Exception {
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/", exchange -> {
            exchange.sendResponseHeaders(healthStatus.get(), -1);
            exchange.close();
        });
        health.start();
        workspace = Files.createDirectories(root.resolve("workspaces/alice"));
        InstanceProperties properties = properties(root);
        var dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        registry = new InstanceRegistry(new InstanceRepository(jdbc));
        events = new InstanceEventBus(clock);
        BackendProfiles profiles = new BackendProfiles(properties);
        LaunchSpecs launchSpecs = new LaunchSpecs(profiles, new Installation(jdbc, clock), properties);
        InstanceRuntimes runtimes = new InstanceRuntimes(List.of(runtime));
        // the reconciler is only asked whether it is done, by tick(), which these tests do not call
        monitor = new HealthMonitor(
                registry,
                runtimes,
                profiles,
                launchSpecs,
                events,
                new InstanceMetrics(meters, registry, events),
                properties,
                null,
                new WorkspacePolicy(properties),
                ports,
                clock);
    }

    private InstanceProperties properties(Path root) {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("paradise.instances.home", root.resolve("home").toString()),
                Map.entry(
                        "paradise.instances.allowed-workspace-roots[0]",
                        root.resolve("workspaces").toString()),
                Map.entry("paradise.instances.startup-timeout", "60s"),
                Map.entry("paradise.instances.health.unhealthy-threshold", "3"),
                Map.entry("paradise.instances.health.healthy-interval", "10s"),
                Map.entry("paradise.instances.health.timeout", "2s"),
                Map.entry("paradise.instances.restart.initial-backoff", "1s"),
                Map.entry("paradise.instances.restart.max-backoff", "8s"),
                Map.entry("paradise.instances.restart.max-restarts", "2"),
                Map.entry("paradise.instances.profiles.web.command[0]", "true"),
                Map.entry("paradise.instances.profiles.web.ports.mcp", "0"),
                Map.entry("paradise.instances.profiles.web.health.type", "http"),
                Map.entry("paradise.instances.profiles.web.health.path", "/health"));
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("paradise.instances", InstanceProperties.class);
    }

    @AfterEach
    void stop() {
        monitor.stop();
        health.stop(0);
    }

    @Test
    void aStartingInstanceThatAnswersBecomesHealthy() {
        Instance instance = put(InstanceState.STARTING);

        monitor.checkOne(instance.id());

        assertThat(state(instance)).isEqualTo(InstanceState.HEALTHY);
        assertThat(events.recent())
                .extracting(InstanceEvent::type, InstanceEvent::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(InstanceEvent.Type.STATE_CHANGED, InstanceState.HEALTHY));
    }

    @Test
    void aHealthyInstanceIsProbedAgainOnlyAfterTheHealthyInterval() {
        Instance instance = put(InstanceState.STARTING);
        monitor.checkOne(instance.id());
        healthStatus.set(500);

        clock.advance(Duration.ofSeconds(9));
        monitor.checkOne(instance.id());
        assertThat(state(instance)).as("within the interval: not probed").isEqualTo(InstanceState.HEALTHY);

        clock.advance(Duration.ofSeconds(1));
        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.UNHEALTHY);
    }

    @Test
    void anUnhealthyInstanceIsRestartedAfterTheThresholdOfFailedChecks() {
        Instance instance = healthy();
        healthStatus.set(500);

        monitor.checkOne(instance.id());
        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.UNHEALTHY);

        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.RESTARTING);
        assertThat(registry.find(instance.id()).orElseThrow().health()).endsWith("restart in 1000 ms");
    }

    @Test
    void aRestartWaitsForItsBackoffThenStartsTheInstanceAgain() {
        Instance instance = healthy();
        runtime.running = false;
        monitor.checkOne(instance.id());
        assertThat(state(instance))
                .as("a stopped process is restarted without waiting for the threshold")
                .isEqualTo(InstanceState.RESTARTING);

        clock.advance(Duration.ofMillis(999));
        monitor.checkOne(instance.id());
        assertThat(runtime.restarts).as("before the backoff").isEmpty();

        clock.advance(Duration.ofMillis(1));
        monitor.checkOne(instance.id());
        Instance restarted = registry.find(instance.id()).orElseThrow();
        assertThat(runtime.restarts).containsExactly(instance.handle());
        assertThat(restarted.state()).isEqualTo(InstanceState.STARTING);
        assertThat(restarted.restartCount()).isEqualTo(1);
        assertThat(restarted.startedAt()).isEqualTo(clock.instant());
        assertThat(events.recent()).extracting(InstanceEvent::type).contains(InstanceEvent.Type.RESTARTED);
    }

    @Test
    void anInstanceWhosePortAnotherProgramHoldsIsNeverHealthyThoughTheProbeIsAnswered() {
        Instance instance = put(InstanceState.STARTING);
        runtime.holder = PortHolders.Holder.OTHER;

        monitor.checkOne(instance.id());

        Instance checked = registry.find(instance.id()).orElseThrow();
        assertThat(checked.state())
                .as("the program on its port answered the probe: restarted at once, never HEALTHY")
                .isEqualTo(InstanceState.RESTARTING);
        assertThat(checked.health())
                .startsWith("port " + health.getAddress().getPort()
                        + " is held by another program, not by this instance's process");
        assertThat(events.recent()).extracting(InstanceEvent::to).doesNotContain(InstanceState.HEALTHY);
    }

    @Test
    void anAnswerOnAPortNothingListensOnAfterwardsIsNotTheInstancesOwn() {
        Instance instance = put(InstanceState.STARTING);
        // a program that answered and stopped listening at once, to pass the check and listen again later
        runtime.holder = PortHolders.Holder.NONE;

        monitor.checkOne(instance.id());

        Instance checked = registry.find(instance.id()).orElseThrow();
        assertThat(checked.state()).isEqualTo(InstanceState.STARTING);
        assertThat(checked.health()).contains("answered, but nothing listens on it now");
    }

    @Test
    void anInstanceWhosePortAnotherProgramTookRestartsOnNewPorts() {
        Instance instance = healthy();
        runtime.holder = PortHolders.Holder.OTHER;
        runtime.running = false;
        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.RESTARTING);
        assertThat(registry.find(instance.id()).orElseThrow().health()).contains("(which has ended)");
        // the program steps away before the restart, to have the instance back on the port it holds again later
        runtime.holder = PortHolders.Holder.NONE;

        clock.advance(Duration.ofSeconds(1));
        monitor.checkOne(instance.id());

        Instance restarted = registry.find(instance.id()).orElseThrow();
        assertThat(restarted.state()).isEqualTo(InstanceState.STARTING);
        assertThat(restarted.ports()).isEqualTo(Map.of("mcp", MovingPorts.NEW_PORT));
        assertThat(restarted.mcpUrl()).isEqualTo("http://127.0.0.1:" + MovingPorts.NEW_PORT + "/mcp");
        assertThat(ports.relocated).containsExactly(instance.id());
        assertThat(runtime.restartedWith)
                .as("the instance starts on the new port")
                .extracting(LaunchSpec::ports)
                .containsExactly(Map.of("mcp", MovingPorts.NEW_PORT));
    }

    @Test
    void anInstanceOnItsOwnPortsRestartsOnThem() {
        Instance instance = healthy();
        runtime.running = false;
        monitor.checkOne(instance.id());
        clock.advance(Duration.ofSeconds(1));
        monitor.checkOne(instance.id());

        assertThat(ports.relocated).isEmpty();
        assertThat(registry.find(instance.id()).orElseThrow().ports()).isEqualTo(instance.ports());
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(List.of(
                        monitor.backoff(0),
                        monitor.backoff(1),
                        monitor.backoff(2),
                        monitor.backoff(3),
                        monitor.backoff(4),
                        monitor.backoff(40)))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
    }

    /** Keeps the instance down through both restarts its budget allows. */
    private void spendTheRestartBudgetOf(Instance instance) {
        runtime.running = false;
        for (int restart = 0; restart < 2; restart++) {
            monitor.checkOne(instance.id());
            clock.advance(Duration.ofSeconds(30));
            monitor.checkOne(instance.id());
        }
    }

    @Test
    void anInstanceThatSpentItsRestartBudgetFails() {
        Instance instance = healthy();
        spendTheRestartBudgetOf(instance);
        assertThat(registry.find(instance.id()).orElseThrow().restartCount()).isEqualTo(2);

        monitor.checkOne(instance.id());

        Instance failed = registry.find(instance.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(InstanceState.FAILED);
        assertThat(failed.health()).startsWith("gave up after 2 restarts");
        assertThat(events.recent()).extracting(InstanceEvent::type).endsWith(InstanceEvent.Type.FAILED);
    }

    @Test
    void anInstanceThatSpentItsRestartBudgetIsRemovedFromItsEngine() {
        Instance instance = healthy();
        spendTheRestartBudgetOf(instance);

        monitor.checkOne(instance.id());

        assertThat(runtime.removed).hasSize(1);
    }

    @Test
    void theMetricsNameTheFailedInstance() {
        Instance instance = healthy();
        spendTheRestartBudgetOf(instance);
        monitor.checkOne(instance.id());

        assertThat(meters.get("paradise.instance.state")
                        .tags("client", instance.clientId(), "instance_id", instance.id(), "state", "FAILED")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(meters.find("paradise.instance.state")
                        .tags("instance_id", instance.id(), "state", "HEALTHY")
                        .gauge())
                .as("an instance has one state at a time")
                .isNull();
    }

    @Test
    void theMetricsCountTheRestartsOfAClient() {
        Instance instance = healthy();
        spendTheRestartBudgetOf(instance);
        monitor.checkOne(instance.id());

        assertThat(meters.get("paradise.instances.restarts")
                        .tag("client", instance.clientId())
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void anInstanceNotHealthyWithinTheStartupTimeoutIsRestarted() {
        healthStatus.set(500);
        Instance instance = put(InstanceState.STARTING);

        monitor.checkOne(instance.id());
        assertThat(state(instance)).as("still starting").isEqualTo(InstanceState.STARTING);

        clock.advance(Duration.ofSeconds(61));
        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.RESTARTING);
        assertThat(registry.find(instance.id()).orElseThrow().health()).startsWith("not healthy within 60 s");
    }

    @Test
    void aWorkspaceGoneBeforeTheRestartFailsTheInstanceInsteadOfRestartingIt() throws Exception {
        Instance instance = healthy();
        runtime.running = false;
        monitor.checkOne(instance.id());
        Files.delete(workspace);

        clock.advance(Duration.ofSeconds(1));
        monitor.checkOne(instance.id());

        assertThat(state(instance)).isEqualTo(InstanceState.FAILED);
        assertThat(registry.find(instance.id()).orElseThrow().health()).startsWith("not restarted:");
        assertThat(runtime.restarts).isEmpty();
    }

    @Test
    void whatTheMonitorKeepsPerInstanceGoesWithTheInstance() {
        Instance removed = healthy();
        Instance failing = healthy();
        healthStatus.set(500);
        monitor.checkOne(removed.id());
        monitor.checkOne(failing.id());
        runtime.running = false;
        monitor.checkOne(failing.id());
        assertThat(monitor.tracked()).isEqualTo(2);

        registry.remove(removed.id());
        registry.update(failing.id(), i -> i.withState(InstanceState.FAILED, "gave up"));
        monitor.forgetRemoved();

        assertThat(monitor.tracked()).isZero();
    }

    private Instance healthy() {
        Instance instance = put(InstanceState.STARTING);
        monitor.checkOne(instance.id());
        assertThat(state(instance)).isEqualTo(InstanceState.HEALTHY);
        clock.advance(Duration.ofSeconds(10));
        return instance;
    }

    private Instance put(InstanceState state) {
        String id = UUID.randomUUID().toString();
        Instance instance = new Instance(
                id,
                "client-" + id.substring(0, 8),
                "web",
                RecordingRuntime.ENGINE,
                workspace,
                Map.of("mcp", health.getAddress().getPort()),
                "http://127.0.0.1/mcp",
                new RuntimeHandle(RecordingRuntime.ENGINE, "unit-" + id),
                state,
                "started",
                clock.instant(),
                clock.instant(),
                0,
                clock.instant(),
                null);
        registry.put(instance);
        return instance;
    }

    private InstanceState state(Instance instance) {
        return registry.find(instance.id()).orElseThrow().state();
    }

    /** Runs nothing: says whether "the unit" runs as the test sets it, and records restarts and removals. */
    private static final class RecordingRuntime implements InstanceRuntime {

        static final Engine ENGINE = Engine.PROCESS;

        volatile boolean running = true;
        volatile PortHolders.Holder holder = PortHolders.Holder.OURS;
        final List<RuntimeHandle> restarts = new ArrayList<>();
        final List<LaunchSpec> restartedWith = new ArrayList<>();
        final List<RuntimeHandle> removed = new ArrayList<>();

        @Override
        public Engine engine() {
            return ENGINE;
        }

        @Override
        public String isolation() {
            return "none: a test stand-in";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public RuntimeHandle start(LaunchSpec spec) {
            return new RuntimeHandle(ENGINE, "unit-" + UUID.randomUUID());
        }

        @Override
        public boolean isRunning(RuntimeHandle handle) {
            return running;
        }

        @Override
        public RuntimeHandle restart(RuntimeHandle handle, LaunchSpec spec) {
            restarts.add(handle);
            restartedWith.add(spec);
            return new RuntimeHandle(ENGINE, "unit-" + UUID.randomUUID());
        }

        @Override
        public void remove(RuntimeHandle handle) {
            removed.add(handle);
        }

        @Override
        public Map<Integer, PortHolders.Holder> portHolders(RuntimeHandle handle, Map<String, Integer> ports) {
            Map<Integer, PortHolders.Holder> holders = new java.util.TreeMap<>();
            ports.values().forEach(port -> holders.put(port, holder));
            return holders;
        }

        @Override
        public ExecResult exec(
                RuntimeHandle handle, LaunchSpec spec, ExecRequest request, Duration timeout, OutputListener listener) {
            throw new UnsupportedOperationException("no commands run in the health monitor's tests");
        }

        @Override
        public List<ManagedUnit> managedUnits(String installationId) {
            return List.of();
        }
    }

    /** Moves an instance to one fixed new port and records which; the real allocator has its own tests. */
    private static final class MovingPorts implements PortAllocator {

        static final int NEW_PORT = 8299;

        final List<String> relocated = new ArrayList<>();

        @Override
        public Map<String, Integer> lease(String instanceId, List<String> names) {
            throw new UnsupportedOperationException("the health monitor only relocates");
        }

        @Override
        public Map<String, Integer> relocate(String instanceId, List<String> names) {
            relocated.add(instanceId);
            return Map.of(names.get(0), NEW_PORT);
        }

        @Override
        public Map<String, Integer> leasesOf(String instanceId) {
            return Map.of();
        }

        @Override
        public void release(String instanceId) {}

        @Override
        public Set<String> holders() {
            return Set.of();
        }
    }
}
