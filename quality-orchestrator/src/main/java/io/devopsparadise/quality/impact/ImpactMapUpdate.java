package io.devopsparadise.quality.impact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings an impact map up to date after a run, touching only the tests that ran. A test that did not run was not
 * selected, so nothing it covers changed and what it covered still holds. The blocks' checksums move to the
 * workspace as it is now only when the run got through all its tests; otherwise the changed blocks stay changed and
 * the next run selects their tests again.
 */
final class ImpactMapUpdate {

    /** The most tests a map keeps. */
    static final int MAX_TESTS = 200_000;

    private ImpactMapUpdate() {}

    static ImpactMap apply(Optional<ImpactMap> previous, RunObservation run, Sources now) {
        Map<String, ImpactMap.TestRecord> tests = new HashMap<>(
                run.fullRun() || previous.isEmpty() ? Map.of() : previous.get().tests());
        Map<String, Outcome> outcomes = outcomes(run);
        long testMillis = 0;
        for (Map.Entry<String, Outcome> ran : outcomes.entrySet()) {
            String id = ran.getKey();
            ImpactMap.TestRecord before = tests.get(id);
            Set<String> blocks = blocks(run.coverage().byTest().getOrDefault(id, Map.of()), now);
            boolean churned = blocks.stream().anyMatch(run.changedRefs()::contains);
            int runs = before == null ? 1 : before.runs() + 1;
            int failures = (before == null ? 0 : before.failures()) + (ran.getValue().failed ? 1 : 0);
            tests.put(
                    id,
                    new ImpactMap.TestRecord(
                            ImpactMap.fileOf(id),
                            blocks,
                            ran.getValue().millis,
                            runs,
                            failures,
                            ran.getValue().failed,
                            churned || before == null ? run.at() : before.changedAt()));
            testMillis += ran.getValue().millis;
        }
        // a test id that names no source file of the workspace is not a test the map can select (or a forged line)
        tests.keySet().removeIf(id -> !now.contains(ImpactMap.fileOf(id)));
        Set<String> importTime = new HashSet<>(
                run.fullRun() || previous.isEmpty() ? Set.of() : previous.get().importTime());
        importTime.addAll(importTimeBlocks(run.coverage().importTime(), now));
        importTime.addAll(importTimeBlocks(run.coverage().fixtureTime(), now));
        boolean fresh = run.complete() || previous.isEmpty();
        Map<String, Map<String, String>> checksums =
                fresh ? now.checksums() : previous.get().checksums();
        long overhead = Math.max(0, run.wallMillis() - testMillis / Math.max(1, run.workers()));
        // the map describes the commit its checksums came from: a run stopped early leaves both where they were
        return new ImpactMap(
                fresh ? run.commit() : previous.get().commit(),
                fresh ? run.environment() : previous.get().environment(),
                checksums,
                tests,
                importTime,
                run.workers() == 1 || previous.isEmpty()
                        ? overhead
                        : previous.get().overheadMillis(),
                run.at());
    }

    /** A test's outcome over its phases: failed when any phase failed; its time is all its phases'. */
    private static Map<String, Outcome> outcomes(RunObservation run) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (TestEvent event : run.events()) {
            if (event.isSessionEnd() || outcomes.size() >= MAX_TESTS && !outcomes.containsKey(event.id())) {
                continue;
            }
            Outcome outcome = outcomes.computeIfAbsent(event.id(), k -> new Outcome());
            outcome.failed |= event.failed();
            outcome.millis += Math.round(event.seconds() * 1000);
        }
        return outcomes;
    }

    private static Set<String> blocks(Map<String, Set<Integer>> linesByFile, Sources now) {
        Set<String> blocks = new HashSet<>();
        linesByFile.forEach((file, lines) -> now.blocks(file).ifPresent(parsed -> {
            for (int line : lines) {
                blocks.add(ImpactMap.ref(file, parsed.blockAt(line)));
            }
        }));
        return blocks;
    }

    /** Blocks whose body ran at import: a block's header (def, decorators, class line) always runs then and does not count. */
    private static Set<String> importTimeBlocks(Map<String, Set<Integer>> linesByFile, Sources now) {
        Set<String> blocks = new HashSet<>();
        linesByFile.forEach((file, lines) -> now.blocks(file).ifPresent(parsed -> {
            for (int line : lines) {
                if (!parsed.isHeader(line)) {
                    blocks.add(ImpactMap.ref(file, parsed.blockAt(line)));
                }
            }
        }));
        return blocks;
    }

    private static final class Outcome {
        boolean failed;
        long millis;
    }
}
