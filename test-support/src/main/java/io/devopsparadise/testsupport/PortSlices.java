package io.devopsparadise.testsupport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Instance port ranges for instance-managers of test classes that run side by side: each manager gets a quarter of
 * 8200–8299 of its own, in turn, so that two managers alive at once never lease the same port (a manager knows only
 * its own leases). A manager started again on the same data directory gets the same quarter, as its leases are there.
 */
public final class PortSlices {

    /** Set (to true) where a module's test classes run two at a time in one JVM. */
    public static final String PARALLEL_PORTS = "paradise.test.parallel-ports";
    /** Set to Surefire's fork number where a module's test classes run in forks side by side: each fork keeps to its quarter. */
    public static final String FORK_PORTS = "paradise.test.port-slice";

    private static final int FIRST = 8200;
    private static final int SLICES = 4;
    private static final int SIZE = 25;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<Path, Range> BY_HOME = new ConcurrentHashMap<>();

    public record Range(int from, int to) {}

    private PortSlices() {}

    /** The range for a manager on {@code home}; empty when the module's classes run one at a time. */
    public static Optional<Range> forManager(Path home) {
        String fork = System.getProperty(FORK_PORTS);
        boolean forked = fork != null && fork.matches("\\d+");
        if (!forked && !Boolean.getBoolean(PARALLEL_PORTS)) {
            return Optional.empty();
        }
        return Optional.of(BY_HOME.computeIfAbsent(home.toAbsolutePath().normalize(), h -> {
            int slice = Math.floorMod(forked ? Integer.parseInt(fork) - 1 : NEXT.getAndIncrement(), SLICES);
            int from = FIRST + slice * SIZE;
            return new Range(from, from + SIZE - 1);
        }));
    }
}
