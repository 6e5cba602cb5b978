package io.devopsparadise.instances.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.instances.profiles.InstanceProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Against an in-memory H2 database migrated by the real Flyway scripts; the OS probe is replaced by a set of held ports. */
class JdbcPortAllocatorTests {

    private final Set<Integer> heldByOthers = ConcurrentHashMap.newKeySet();
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void migrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    private JdbcPortAllocator allocator(int from, int to) {
        return new JdbcPortAllocator(
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                port -> !heldByOthers.contains(port),
                Clock.systemUTC(),
                properties(from, to));
    }

    static InstanceProperties properties(int from, int to) {
        return new InstanceProperties(
                Path.of("/tmp"),
                from,
                to,
                50,
                "serena",
                null,
                List.of(Path.of("/tmp")),
                null,
                List.of(),
                false,
                "/usr/bin:/bin",
                "paradise-instances",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    @Test
    void leasesOnePortPerNameInTheRange() {
        Map<String, Integer> leased = allocator(8200, 8299).lease("i1", List.of("mcp", "dashboard"));

        assertThat(leased).containsOnlyKeys("mcp", "dashboard");
        assertThat(leased.values()).doesNotHaveDuplicates().allMatch(port -> port >= 8200 && port <= 8299);
    }

    @Test
    void neverLeasesAPortTwiceUnderFiftyConcurrentRequests() throws Exception {
        JdbcPortAllocator allocator = allocator(8200, 8299);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, Integer>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String instance = "i" + i;
            futures.add(pool.submit(() -> {
                go.await();
                return allocator.lease(instance, List.of("mcp", "dashboard"));
            }));
        }
        go.countDown();
        List<Integer> all = new ArrayList<>();
        for (Future<Map<String, Integer>> future : futures) {
            all.addAll(future.get().values());
        }
        pool.shutdown();

        assertThat(all).hasSize(100).doesNotHaveDuplicates();
        assertThat(allocator.holders()).hasSize(50);
        assertThatThrownBy(() -> allocator.lease("one-too-many", List.of("mcp")))
                .isInstanceOf(PortRangeExhaustedException.class)
                .hasMessageContaining("8200-8299");
    }

    @Test
    void skipsPortsThatAnotherProgramHolds() {
        heldByOthers.addAll(List.of(8200, 8201));

        assertThat(allocator(8200, 8203).lease("i1", List.of("mcp")).get("mcp")).isEqualTo(8202);
    }

    @Test
    void exhaustionSaysWhatToDo() {
        JdbcPortAllocator allocator = allocator(8200, 8201);
        allocator.lease("i1", List.of("mcp"));
        heldByOthers.add(8201);

        assertThatThrownBy(() -> allocator.lease("i2", List.of("mcp")))
                .isInstanceOf(PortRangeExhaustedException.class)
                .hasMessageContaining("paradise.instances.port-from/port-to");
    }

    @Test
    void aFailedLeaseHoldsNothing() {
        JdbcPortAllocator allocator = allocator(8200, 8201);

        assertThatThrownBy(() -> allocator.lease("i1", List.of("a", "b", "c")))
                .isInstanceOf(PortRangeExhaustedException.class);
        assertThat(allocator.holders()).isEmpty();
    }

    @Test
    void leasesSurviveANewAllocator() {
        int port = allocator(8200, 8201).lease("i1", List.of("mcp")).get("mcp");

        JdbcPortAllocator afterRestart = allocator(8200, 8201);

        assertThat(afterRestart.leasesOf("i1")).containsEntry("mcp", port);
    }

    @Test
    void releasedPortsCanBeLeasedAgain() {
        JdbcPortAllocator allocator = allocator(8200, 8201);
        int port = allocator.lease("i1", List.of("mcp")).get("mcp");
        allocator.lease("i2", List.of("mcp"));

        allocator.release("i1");
        allocator.release("i1");

        assertThat(allocator.lease("i3", List.of("mcp"))).containsEntry("mcp", port);
        Collection<String> holders = allocator.holders();
        assertThat(holders).containsExactlyInAnyOrder("i2", "i3");
    }

    @Test
    void relocatingMovesAnInstanceToOtherFreePortsAndFreesItsOld() {
        JdbcPortAllocator allocator = allocator(8200, 8203);
        Map<String, Integer> old = allocator.lease("i1", List.of("mcp", "dashboard"));
        heldByOthers.add(old.get("mcp"));

        Map<String, Integer> moved = allocator.relocate("i1", List.of("mcp", "dashboard"));

        assertThat(moved).containsOnlyKeys("mcp", "dashboard");
        assertThat(moved.values()).doesNotContainAnyElementsOf(old.values()).doesNotHaveDuplicates();
        assertThat(allocator.leasesOf("i1")).isEqualTo(moved);
        heldByOthers.clear();
        assertThat(allocator.lease("i2", List.of("a", "b")).values())
                .as("the old ports are free again")
                .containsExactlyInAnyOrderElementsOf(old.values());
    }

    @Test
    void aRelocationThatFindsNoFreePortsKeepsTheOldLeases() {
        JdbcPortAllocator allocator = allocator(8200, 8201);
        Map<String, Integer> old = allocator.lease("i1", List.of("mcp"));
        allocator.lease("i2", List.of("mcp"));

        assertThatThrownBy(() -> allocator.relocate("i1", List.of("mcp")))
                .isInstanceOf(PortRangeExhaustedException.class);
        assertThat(allocator.leasesOf("i1")).isEqualTo(old);
    }
}
