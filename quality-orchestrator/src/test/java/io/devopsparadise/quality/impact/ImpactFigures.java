package io.devopsparadise.quality.impact;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** What the impact benchmark measured on one repository, each figure beside the full suite's of the same run. */
record ImpactFigures(String corpus, Replayed replay, Mutated mutants, Parallel parallel) {

    static final String HEADER =
            "| repository | code commits | median test time saved | single-function commits: median saved (docs aside) | outcome changes"
                    + " missed | mutants caught: selection / full suite (of N) | median first failure / full suite wall | full suite on 2 workers"
                    + " / 1 worker |";

    String row() {
        return String.format(
                "| %s | %d (of %d replayed) | %.0f%% | %.0f%% over %d (%.0f%% over %d) | %d | %d / %d (of %d) | %d ms / %d ms = %.2f"
                        + " | %d ms / %d ms = %.2f |",
                corpus,
                replay.code().size(),
                replay.steps().size(),
                replay.medianSaved() * 100,
                replay.medianSavedSingleFunction() * 100,
                replay.singleFunction().size(),
                replay.medianSavedSingleFunctionBesidesDocs() * 100,
                replay.singleFunctionBesidesDocs().size(),
                replay.missed(),
                mutants.caughtBySelection(),
                mutants.caughtByFullSuite(),
                mutants.verdicts().size(),
                Math.round(mutants.medianFirstReportMillis()),
                Math.round(mutants.medianFullSuiteMillis()),
                mutants.medianRatio(),
                Math.round(parallel.medianTwo()),
                Math.round(parallel.medianOne()),
                parallel.medianTwo() / parallel.medianOne());
    }

    /** The replay of the stretch of history; {@code code} are its commits that change the package's Python code. */
    record Replayed(List<Replay.Step> steps, List<Replay.Step> code) {

        static Replayed of(List<Replay.Step> steps, List<Replay.Step> code) {
            return new Replayed(List.copyOf(steps), List.copyOf(code));
        }

        double medianSaved() {
            return median(code, Replay.Step::testTimeSaved);
        }

        /** Code commits whose plan names exactly one changed block, a function or a class (not module statements or docs). */
        List<Replay.Step> singleFunction() {
            return code.stream()
                    .filter(step -> isOneFunction(step.selected().plan.changed()))
                    .toList();
        }

        /** The same, comments and docstrings aside: the plan names one function or class and maybe some files' {@code <docs>}. */
        List<Replay.Step> singleFunctionBesidesDocs() {
            return code.stream()
                    .filter(step -> isOneFunction(step.selected().plan.changed().stream()
                            .filter(block -> !block.endsWith("::" + SourceBlocks.DOCUMENTATION))
                            .toList()))
                    .toList();
        }

        private static boolean isOneFunction(List<String> changed) {
            return changed.size() == 1
                    && !changed.get(0).endsWith("::" + SourceBlocks.MODULE)
                    && !changed.get(0).endsWith("::" + SourceBlocks.DOCUMENTATION);
        }

        double medianSavedSingleFunction() {
            return median(singleFunction(), Replay.Step::testTimeSaved);
        }

        double medianSavedSingleFunctionBesidesDocs() {
            return median(singleFunctionBesidesDocs(), Replay.Step::testTimeSaved);
        }

        int missed() {
            return steps.stream().mapToInt(step -> step.missed().size()).sum();
        }

        @Override
        public String toString() {
            return String.format(
                    "replay: %d commits, %d change code: median test time saved %.0f%% over the code commits (wall: selection %d ms,"
                            + " full suite %d ms, medians), %.0f%% over the %d single-function ones (%.0f%% over %d, comments and docstrings"
                            + " aside); outcome changes missed: %d",
                    steps.size(),
                    code.size(),
                    medianSaved() * 100,
                    Math.round(median(code, step -> step.selected().millis)),
                    Math.round(median(code, step -> step.truth().millis())),
                    medianSavedSingleFunction() * 100,
                    singleFunction().size(),
                    medianSavedSingleFunctionBesidesDocs() * 100,
                    singleFunctionBesidesDocs().size(),
                    missed());
        }
    }

    /** The mutants' verdicts. */
    record Mutated(List<MutantEvaluation.Verdict> verdicts) {

        Mutated {
            verdicts = List.copyOf(verdicts);
        }

        int caughtByFullSuite() {
            return (int) verdicts.stream()
                    .filter(MutantEvaluation.Verdict::caughtByFullSuite)
                    .count();
        }

        int caughtBySelection() {
            return (int) verdicts.stream()
                    .filter(MutantEvaluation.Verdict::caughtBySelection)
                    .count();
        }

        /** Mutants the full suite caught and the selection did not: must be none. */
        List<Mutant> escaped() {
            return verdicts.stream()
                    .filter(v -> v.caughtByFullSuite() && !v.caughtBySelection())
                    .map(MutantEvaluation.Verdict::mutant)
                    .toList();
        }

        /** Mutants whose selection left out some test they broke, caught or not. */
        List<Mutant> partlySelected() {
            return verdicts.stream()
                    .filter(v -> !v.missed().isEmpty())
                    .map(MutantEvaluation.Verdict::mutant)
                    .toList();
        }

        private List<MutantEvaluation.Verdict> caught() {
            return verdicts.stream()
                    .filter(MutantEvaluation.Verdict::caughtBySelection)
                    .toList();
        }

        double medianFirstReportMillis() {
            return median(caught(), MutantEvaluation.Verdict::firstReportMillis);
        }

        double medianFullSuiteMillis() {
            return median(caught(), MutantEvaluation.Verdict::fullSuiteMillis);
        }

        /** The median over caught mutants of the time to the first failure report over the full suite's wall time. */
        double medianRatio() {
            return median(caught(), v -> (double) v.firstReportMillis() / Math.max(1, v.fullSuiteMillis()));
        }

        @Override
        public String toString() {
            long kinds =
                    verdicts.stream().map(v -> v.mutant().kind()).distinct().count();
            return String.format(
                    "mutants: %d (%d kinds); caught by the selection %d, by the full suite %d; escaped the selection: %s; caught with"
                            + " some broken tests not selected: %d; first failure report after %d ms (median) vs the full suite's wall time %d ms:"
                            + " ratio %.2f (median of ratios); selection wall %d ms (median)",
                    verdicts.size(),
                    kinds,
                    caughtBySelection(),
                    caughtByFullSuite(),
                    escaped(),
                    partlySelected().size(),
                    Math.round(medianFirstReportMillis()),
                    Math.round(medianFullSuiteMillis()),
                    medianRatio(),
                    Math.round(median(verdicts, v -> v.selected().millis)));
        }
    }

    /** The full suite under TestImpact, the same rounds on two workers (pytest-xdist) and on one. */
    record Parallel(List<LocalRuns.Run> onTwo, List<LocalRuns.Run> onOne) {

        static Parallel of(List<LocalRuns.Run> onTwo, List<LocalRuns.Run> onOne) {
            return new Parallel(List.copyOf(onTwo), List.copyOf(onOne));
        }

        double medianTwo() {
            return median(onTwo, run -> run.millis);
        }

        double medianOne() {
            return median(onOne, run -> run.millis);
        }

        @Override
        public String toString() {
            Set<Integer> workersTwo =
                    Set.copyOf(onTwo.stream().map(run -> run.plan.workers()).toList());
            Set<Integer> workersOne =
                    Set.copyOf(onOne.stream().map(run -> run.plan.workers()).toList());
            return String.format(
                    "full suite under TestImpact: %d ms on %s worker(s) vs %d ms on %s (medians of %d; runs %s vs %s); 2 workers / 1 ="
                            + " %.2f, speedup %.2f; the plan expected %d ms vs %d ms",
                    Math.round(medianTwo()),
                    workersTwo,
                    Math.round(medianOne()),
                    workersOne,
                    onTwo.size(),
                    onTwo.stream().map(run -> run.millis).toList(),
                    onOne.stream().map(run -> run.millis).toList(),
                    medianTwo() / medianOne(),
                    medianOne() / medianTwo(),
                    onTwo.get(0).plan.expectedMillis(),
                    onOne.get(0).plan.expectedMillis());
        }
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        double[] sorted = items.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
