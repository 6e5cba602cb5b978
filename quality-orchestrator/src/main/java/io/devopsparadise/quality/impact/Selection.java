package io.devopsparadise.quality.impact;

import java.util.List;
import java.util.Set;

/**
 * The tests a change can break, and why.
 *
 * @param runAll      every test runs (the reasons say why)
 * @param reasons     why tests were selected, skipped, or all run; shown in the plan
 * @param nodeIds     pytest node ids to run (parameters stripped: every case of a selected test runs)
 * @param paths       files or directories to run whole (new test files, a conftest's directory, a module's doctests)
 * @param changedRefs the blocks the change touched ("file::block")
 */
record Selection(
        boolean runAll, List<String> reasons, Set<String> nodeIds, Set<String> paths, Set<String> changedRefs) {

    Selection {
        reasons = List.copyOf(reasons);
        nodeIds = Set.copyOf(nodeIds);
        paths = Set.copyOf(paths);
        changedRefs = Set.copyOf(changedRefs);
    }

    static Selection all(String reason, Set<String> changedRefs) {
        return new Selection(true, List.of(reason), Set.of(), Set.of(), changedRefs);
    }

    boolean isEmpty() {
        return !runAll && nodeIds.isEmpty() && paths.isEmpty();
    }
}
