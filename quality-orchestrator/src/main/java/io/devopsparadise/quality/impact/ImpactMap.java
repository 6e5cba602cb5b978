package io.devopsparadise.quality.impact;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tests depend on which blocks of code, as measured by per-test coverage: the map a run selects tests by.
 * It describes the workspace as it was when the map was last brought up to date: {@code checksums} are the blocks as
 * they were then, so a block whose checksum differs now has changed since.
 *
 * @param commit       HEAD when the map was last updated
 * @param environment  the fingerprint of what the tests ran with (lock and configuration files, tool versions)
 * @param checksums    file → block → checksum
 * @param tests        node id → what the test ran and how it went
 * @param importTime   blocks ("file::block") that ran outside any test, at import or collection
 * @param overheadMillis what a run costs besides its tests (start-up, collection), from the last run
 */
record ImpactMap(
        String commit,
        Map<String, String> environment,
        Map<String, Map<String, String>> checksums,
        Map<String, TestRecord> tests,
        Set<String> importTime,
        long overheadMillis,
        Instant updatedAt) {

    ImpactMap {
        environment = Map.copyOf(environment);
        checksums = Map.copyOf(checksums);
        tests = Map.copyOf(tests);
        importTime = Set.copyOf(importTime);
    }

    /**
     * @param file       the test's file (the node id's part before "::")
     * @param blocks     "file::block" of every block it ran
     * @param failedLast its last run failed
     * @param changedAt  when a block it covers last changed (the churn that makes it likelier to fail)
     */
    record TestRecord(
            String file,
            Set<String> blocks,
            long millis,
            int runs,
            int failures,
            boolean failedLast,
            Instant changedAt) {

        TestRecord {
            blocks = Set.copyOf(blocks);
        }

        double failureRate() {
            return runs == 0 ? 0 : (double) failures / runs;
        }
    }

    static String ref(String file, String block) {
        return file + "::" + block;
    }

    static String fileOf(String nodeId) {
        int separator = nodeId.indexOf("::");
        return separator < 0 ? nodeId : nodeId.substring(0, separator);
    }

    /** block ref → the tests that ran it. */
    Map<String, Set<String>> testsByBlock() {
        Map<String, Set<String>> index = new HashMap<>();
        tests.forEach((id, test) -> test.blocks()
                .forEach(block ->
                        index.computeIfAbsent(block, k -> new HashSet<>()).add(id)));
        return index;
    }

    /** The tests recorded for a file or a directory (ending in '/'). */
    List<String> testsUnder(String path) {
        return tests.entrySet().stream()
                .filter(e -> path.endsWith("/")
                        ? e.getValue().file().startsWith(path) || path.equals("/")
                        : e.getValue().file().equals(path))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
