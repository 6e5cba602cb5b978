package io.devopsparadise.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Instance port ranges for instance-managers of test classes that run side by side: each manager gets a quarter of
 * 8200–8299 that no other live manager holds, so that two managers alive at once never lease the same port (a manager
 * knows only its own leases). A manager started again on the same data directory gets its quarter back when it is
 * free, as its leases are there. Managers {@link #release} their quarter when they close.
 */
public final class PortSlices {

    /** Set (to true) where a module's test classes run two at a time in one JVM. */
    public static final String PARALLEL_PORTS = "paradise.test.parallel-ports";
    /** Set to Surefire's fork number where a module's test classes run in forks side by side: each fork keeps to its quarter. */
    public static final String FORK_PORTS = "paradise.test.port-slice";

    private static final int FIRST = 8200;
    private static final int SLICES = 4;
    private static final int SIZE = 25;
    private static final Map<Path, Integer> SLICE_OF_HOME = new HashMap<>();
    private static final Map<Integer, Path> HOLDER = new HashMap<>();
    private static int next;

    public record Range(int from, int to) {}

    private PortSlices() {}

    /** The range for a manager on {@code home}; empty when the module's classes run one at a time. */
    public static synchronized Optional<Range> forManager(Path home) {
        String fork = System.getProperty(FORK_PORTS);
        if (fork != null && fork.matches("\\d+")) {
            return Optional.of(range(Math.floorMod(Integer.parseInt(fork) - 1, SLICES)));
        }
        if (!Boolean.getBoolean(PARALLEL_PORTS)) {
            return Optional.empty();
        }
        Path key = home.toAbsolutePath().normalize();
        Integer previous = SLICE_OF_HOME.get(key);
        int slice;
        if (previous != null
                && (HOLDER.get(previous) == null || HOLDER.get(previous).equals(key))) {
            slice = previous;
        } else {
            slice = -1;
            for (int tried = 0; tried < SLICES && slice < 0; tried++) {
                int candidate = Math.floorMod(next++, SLICES);
                if (!HOLDER.containsKey(candidate)) {
                    slice = candidate;
                }
            }
            if (slice < 0) {
                // more live managers than quarters: share the oldest, as before quarters were tracked
                slice = Math.floorMod(next++, SLICES);
            }
        }
        SLICE_OF_HOME.put(key, slice);
        HOLDER.put(slice, key);
        return Optional.of(range(slice));
    }

    /** The manager on {@code home} closed: its quarter is free for another. */
    public static synchronized void release(Path home) {
        Path key = home.toAbsolutePath().normalize();
        Integer slice = SLICE_OF_HOME.get(key);
        if (slice != null && key.equals(HOLDER.get(slice))) {
            HOLDER.remove(slice);
        }
    }

    private static Range range(int slice) {
        int from = FIRST + slice * SIZE;
        return new Range(from, from + SIZE - 1);
    }
}
