package io.devopsparadise.contracts.quality;

import java.util.List;

/**
 * The test plan of a run, shown before its tests start: which tests a change can break, which are skipped and why,
 * in what order and on how many workers they run, and how long that should take.
 *
 * @param mode       {@code changed} (only what the change can break) or {@code full}
 * @param base       what the change was measured against (a branch, a commit), or null for the last mapped run
 * @param runAll     every test runs; {@code reasons} say why
 * @param selected   tests selected (node ids, each parametrized case counted; new test files count once)
 * @param known      tests the impact map knows for the workspace
 * @param reasons    why tests were selected, skipped, or all run
 * @param changed    the functions, classes and module statements the change touched ("file::block"), at most 50
 * @param first      the first tests to run, most likely to fail first, at most 20
 * @param workers    parallel workers (pytest-xdist), bounded by the instance's CPUs
 * @param expectedMillis           the plan's expected time on its workers
 * @param expectedSequentialMillis the same tests on one worker
 * @param fullSuiteMillis          every known test on one worker: what the selection saves against
 * @param summary    the plan in one line, for live views and answers
 */
public record TestPlan(
        String tool,
        String mode,
        String base,
        boolean runAll,
        int selected,
        int known,
        List<String> reasons,
        List<String> changed,
        List<String> first,
        int workers,
        long expectedMillis,
        long expectedSequentialMillis,
        long fullSuiteMillis,
        String summary) {

    public TestPlan {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        changed = changed == null ? List.of() : List.copyOf(changed);
        first = first == null ? List.of() : List.copyOf(first);
    }

    /** Tests the plan leaves out. */
    public int skipped() {
        return runAll ? 0 : Math.max(0, known - selected);
    }
}
