package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.TestPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Orders and shards the selected tests. Order: tests that failed last time, then by failure rate and by recent churn
 * of the code they cover, so a failure shows first; within the same likelihood, longest first. Workers: one, unless
 * the tests take long enough on one worker for pytest-xdist's start-up to pay off, then as many as the instance has
 * CPUs; the expected time is the longest-first schedule of the recorded durations over those workers.
 */
final class ExecutionPlanner {

    /** What starting one pytest-xdist worker costs, measured on this machine's kind (about a second). */
    static final long WORKER_START_MILLIS = 1_000;

    private static final int SHOWN = 20;
    private static final int SHOWN_CHANGES = 50;

    private ExecutionPlanner() {}

    /**
     * @param cpus          the instance's CPU limit
     * @param parallelAbove the least expected time on one worker that runs on several
     */
    static ExecutionPlan plan(
            String tool,
            String mode,
            String base,
            Selection selection,
            Optional<ImpactMap> map,
            int cpus,
            Duration parallelAbove,
            Instant now) {
        Map<String, ImpactMap.TestRecord> known = map.map(ImpactMap::tests).orElse(Map.of());
        long overhead = map.map(ImpactMap::overheadMillis).orElse(0L);
        long fullSuite =
                known.values().stream().mapToLong(ImpactMap.TestRecord::millis).sum();
        List<Unit> units = selection.runAll() ? List.of() : units(selection, known, now);
        long sequential = selection.runAll()
                ? fullSuite
                : units.stream().mapToLong(Unit::millis).sum();
        int pieces = selection.runAll() ? known.size() : units.size();
        int workers = sequential >= parallelAbove.toMillis() && cpus > 1 && pieces > 1 ? Math.min(cpus, pieces) : 1;
        List<Long> durations = selection.runAll()
                ? known.values().stream().map(ImpactMap.TestRecord::millis).toList()
                : units.stream().map(Unit::millis).toList();
        long expected =
                longestFirst(durations, workers) + overhead + (workers > 1 ? WORKER_START_MILLIS * workers / 2 : 0);
        int selected = selection.runAll()
                ? known.size()
                : units.stream().mapToInt(Unit::tests).sum();
        List<String> arguments = units.stream().map(Unit::argument).toList();
        long expectedMillis = selection.isEmpty() ? 0 : expected;
        TestPlan view = new TestPlan(
                tool,
                mode,
                base,
                selection.runAll(),
                selected,
                known.size(),
                selection.reasons(),
                selection.changedRefs().stream().limit(SHOWN_CHANGES).toList(),
                arguments.stream().limit(SHOWN).toList(),
                workers,
                expectedMillis,
                selection.isEmpty() ? 0 : sequential + overhead,
                fullSuite + overhead,
                PlanSummary.of(
                        tool,
                        selection.runAll(),
                        selected,
                        known.size(),
                        workers,
                        expectedMillis,
                        fullSuite + overhead,
                        selection.reasons()));
        return new ExecutionPlan(arguments, workers, selection.isEmpty(), selection, view);
    }

    /** One pytest argument: a node id, or a path run whole. */
    private record Unit(String argument, int tests, long millis, double likelihood) {}

    private static List<Unit> units(Selection selection, Map<String, ImpactMap.TestRecord> known, Instant now) {
        Map<String, Map<String, ImpactMap.TestRecord>> byFile = new java.util.HashMap<>();
        known.forEach((id, test) -> byFile.computeIfAbsent(test.file(), k -> new java.util.HashMap<>())
                .put(id, test));
        List<Unit> units = new ArrayList<>();
        for (String path : selection.paths()) {
            Map<String, ImpactMap.TestRecord> candidates =
                    path.endsWith("/") ? known : byFile.getOrDefault(path, Map.of());
            units.add(unit(path, candidates, now, id -> !path.endsWith("/") || id.startsWith(path), selection));
        }
        for (String nodeId : selection.nodeIds()) {
            boolean underPath = selection.paths().stream()
                    .anyMatch(p -> p.endsWith("/")
                            ? nodeId.startsWith(p)
                            : ImpactMap.fileOf(nodeId).equals(p));
            if (!underPath) {
                units.add(unit(
                        nodeId,
                        byFile.getOrDefault(ImpactMap.fileOf(nodeId), Map.of()),
                        now,
                        id -> id.equals(nodeId) || id.startsWith(nodeId + "["),
                        selection));
            }
        }
        units.sort(Comparator.comparingDouble(Unit::likelihood)
                .reversed()
                .thenComparing(Comparator.comparingLong(Unit::millis).reversed())
                .thenComparing(Unit::argument));
        return units;
    }

    private static Unit unit(
            String argument,
            Map<String, ImpactMap.TestRecord> known,
            Instant now,
            java.util.function.Predicate<String> covers,
            Selection selection) {
        int tests = 0;
        long millis = 0;
        double likelihood = 0;
        for (Map.Entry<String, ImpactMap.TestRecord> test : known.entrySet()) {
            if (covers.test(test.getKey())) {
                tests++;
                millis += test.getValue().millis();
                likelihood = Math.max(likelihood, likelihood(test.getValue(), selection, now));
            }
        }
        // a test the map does not know yet is new: new tests fail more often than old ones
        return tests == 0 ? new Unit(argument, 1, 0, 500) : new Unit(argument, tests, millis, likelihood);
    }

    private static double likelihood(ImpactMap.TestRecord test, Selection selection, Instant now) {
        double score = test.failedLast() ? 1_000 : 0;
        score += test.failureRate() * 100;
        if (test.blocks().stream().anyMatch(selection.changedRefs()::contains)) {
            score += 50;
        }
        long days = Math.max(
                0,
                Duration.between(test.changedAt() == null ? Instant.EPOCH : test.changedAt(), now)
                        .toDays());
        return score + 10.0 / (1 + days);
    }

    /** The time the longest-first schedule of these durations takes on the given workers. */
    static long longestFirst(List<Long> durations, int workers) {
        PriorityQueue<Long> loads = new PriorityQueue<>();
        for (int i = 0; i < workers; i++) {
            loads.add(0L);
        }
        durations.stream().sorted(Comparator.reverseOrder()).forEach(d -> loads.add(loads.poll() + d));
        return loads.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
