package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.TestStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Mutants against the full suite and against the selection, in a developer's edit loop: the map is measured by one
 * full run at HEAD; then each mutant is applied, the full suite runs plainly (the ground truth: which tests that
 * passed at HEAD fail now) and a changed-only run selects and runs its tests; the mutant is reverted and a second
 * changed-only run (the developer's run after the fix) brings the map back to HEAD. The mutant's figures come from
 * its own run only; the run after the revert is not in them, so the next mutant's selection is its own too.
 */
final class MutantEvaluation {

    private final Path workspace;
    private final Path reports;
    private final LocalRuns runs;
    private Map<String, TestStatus> atHead;

    MutantEvaluation(Path workspace, Path copies) {
        this.workspace = workspace;
        this.reports = copies.resolve("truth");
        this.runs = new LocalRuns(workspace, copies);
    }

    /** Measures the map with a full run at HEAD, and the outcomes the mutants are judged against. */
    void start() {
        runs.run(LocalRuns.full());
        atHead = Replay.truth(workspace, reports).outcomes();
    }

    Verdict evaluate(Mutant mutant) {
        mutant.apply(workspace);
        Verdict verdict;
        try {
            Replay.Truth truth = Replay.truth(workspace, reports);
            LocalRuns.Run selected = runs.run(LocalRuns.changed());
            verdict = verdict(mutant, truth, selected);
        } finally {
            mutant.revert(workspace);
        }
        LocalRuns.Run afterRevert = runs.run(LocalRuns.changed());
        return verdict.withFailingAfterRevert(newFailures(Replay.outcomes(afterRevert.outcome.tests())));
    }

    private Verdict verdict(Mutant mutant, Replay.Truth truth, LocalRuns.Run selected) {
        Set<String> broken = newFailures(truth.outcomes());
        Set<String> ran = Replay.outcomes(selected.outcome.tests()).keySet();
        Set<String> caught = newFailures(Replay.outcomes(selected.outcome.tests()));
        Set<String> missed =
                broken.stream().filter(test -> !ran.contains(test)).collect(Collectors.toCollection(TreeSet::new));
        long firstFailure = selected.failedAtMillis.entrySet().stream()
                .filter(e -> caught.contains(Replay.outcomeKey(e.getKey())))
                .mapToLong(Map.Entry::getValue)
                .min()
                .orElse(-1);
        return new Verdict(mutant, broken, selected, caught, missed, firstFailure, truth.millis(), Set.of());
    }

    /**
     * Failures the suite did not have at HEAD: a test that passed (or was skipped) there fails, or a test file no
     * longer collects (pytest reports that as a failing entry named after the file, and runs nothing else).
     */
    private Set<String> newFailures(Map<String, TestStatus> outcomes) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getValue() == TestStatus.FAILED && atHead.get(e.getKey()) != TestStatus.FAILED)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What one mutant did.
     *
     * @param broken             the full suite's new failures with the mutant (see {@link MutantEvaluation#newFailures})
     * @param caught             the new failures in the selection's run
     * @param missed             broken tests the selection did not run
     * @param firstFailureMillis from the selection's start to the first new failure streamed by the listener; -1 when none
     *                           was (a collection error is not streamed: it shows in the outcome at the run's end)
     * @param fullSuiteMillis    the full suite's wall time with the mutant, run plainly
     * @param failingAfterRevert new failures still in the run after the revert
     */
    record Verdict(
            Mutant mutant,
            Set<String> broken,
            LocalRuns.Run selected,
            Set<String> caught,
            Set<String> missed,
            long firstFailureMillis,
            long fullSuiteMillis,
            Set<String> failingAfterRevert) {

        Verdict {
            broken = Set.copyOf(broken);
            caught = Set.copyOf(caught);
            missed = Set.copyOf(missed);
            failingAfterRevert = Set.copyOf(failingAfterRevert);
        }

        boolean caughtByFullSuite() {
            return !broken.isEmpty();
        }

        boolean caughtBySelection() {
            return !caught.isEmpty();
        }

        /** When the selection first told of a new failure: streamed, or at the run's end; -1 when it never did. */
        long firstReportMillis() {
            return firstFailureMillis >= 0 ? firstFailureMillis : caughtBySelection() ? selected.millis : -1;
        }

        Verdict withFailingAfterRevert(Set<String> failing) {
            return new Verdict(mutant, broken, selected, caught, missed, firstFailureMillis, fullSuiteMillis, failing);
        }

        @Override
        public String toString() {
            String selection = (selected.plan.runAll()
                            ? "all tests"
                            : selected.plan.selected() + " of " + selected.plan.known() + " tests selected")
                    + " (" + selected.outcome.tests().size() + " ran)";
            String first = firstFailureMillis >= 0
                    ? firstFailureMillis + " ms"
                    : caughtBySelection() ? "the end (not streamed)" : "-";
            return String.format(
                    "%s | full suite: %s in %d ms | selection: %s, %s in %d ms, first failure at %s%s%s",
                    mutant,
                    caughtByFullSuite() ? "caught (" + broken.size() + " failing)" : "not caught",
                    fullSuiteMillis,
                    selection,
                    caughtBySelection() ? "caught (" + caught.size() + " failing)" : "not caught",
                    selected.millis,
                    first,
                    missed.isEmpty() ? "" : ", MISSED " + missed,
                    failingAfterRevert.isEmpty() ? "" : ", STILL FAILING AFTER THE REVERT " + failingAfterRevert);
        }
    }
}
