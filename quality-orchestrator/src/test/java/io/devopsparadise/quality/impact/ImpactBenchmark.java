package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Corpora;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test impact benchmark that bench/impact/run.sh runs: per repository, the replay of its recent history, mutants
 * of its functions, and the plan's parallel speedup, each against the full suite measured in the same run. Not run
 * by CI: its name is neither a {@code *Tests} nor a {@code *IntegrationTests} one. It fails, after printing every
 * figure, when the selection missed an outcome change or a mutant the full suite caught.
 */
class ImpactBenchmark {

    static final int COMMITS = fromEnvironment("IMPACT_COMMITS", 20);
    static final int MUTANTS = fromEnvironment("IMPACT_MUTANTS", 50);
    static final int PARALLEL_ROUNDS = fromEnvironment("IMPACT_PARALLEL_ROUNDS", 3);

    @TempDir
    Path temp;

    @Test
    void theSelectionMissesNothingTheFullSuiteCatches() throws Exception {
        List<ImpactFigures> all = new ArrayList<>();
        for (String corpus : List.of("boltons", "toolz")) {
            all.add(measure(corpus, corpus));
        }
        System.out.println("[impact bench] " + ImpactFigures.HEADER);
        all.forEach(figures -> System.out.println("[impact bench] " + figures.row()));
        assertThat(all).allSatisfy(figures -> {
            assertThat(figures.replay().missed())
                    .as(figures.corpus() + ": outcome changes the selection missed")
                    .isZero();
            assertThat(figures.mutants().escaped())
                    .as(figures.corpus() + ": mutants the full suite caught and the selection did not")
                    .isEmpty();
            assertThat(figures.mutants().partlySelected())
                    .as(figures.corpus() + ": mutants whose selection left out a test they broke")
                    .isEmpty();
        });
    }

    private ImpactFigures measure(String corpus, String packageDir) throws Exception {
        String tag = "[impact bench " + corpus + "] ";
        ImpactFigures.Replayed replayed = replay(corpus, packageDir);
        System.out.println(tag + replayed);
        ImpactFigures.Mutated mutated = mutants(corpus, packageDir);
        System.out.println(tag + mutated);
        ImpactFigures.Parallel parallel = parallel(corpus);
        System.out.println(tag + parallel);
        return new ImpactFigures(corpus, replayed, mutated, parallel);
    }

    private ImpactFigures.Replayed replay(String corpus, String packageDir) throws Exception {
        Replay replay = new Replay(
                Corpora.clone(corpus, temp.resolve(corpus + "-replay")), temp.resolve(corpus + "-replay-copies"));
        List<Replay.Step> steps = TestImpactReplayIntegrationTests.replay(replay, packageDir, corpus, COMMITS);
        List<Replay.Step> code = steps.stream()
                .filter(step -> replay.touchesCode(step.commit(), packageDir))
                .toList();
        return ImpactFigures.Replayed.of(steps, code);
    }

    private ImpactFigures.Mutated mutants(String corpus, String packageDir) throws Exception {
        Path workspace = Corpora.clone(corpus, temp.resolve(corpus + "-mutants"));
        List<Mutant> mutants = Mutants.pick(workspace, packageDir, MUTANTS);
        MutantEvaluation evaluation = new MutantEvaluation(workspace, temp.resolve(corpus + "-mutants-copies"));
        evaluation.start();
        List<MutantEvaluation.Verdict> verdicts = new ArrayList<>();
        for (Mutant mutant : mutants) {
            MutantEvaluation.Verdict verdict = evaluation.evaluate(mutant);
            System.out.println("[impact mutant " + corpus + "] " + verdict);
            verdicts.add(verdict);
        }
        return new ImpactFigures.Mutated(verdicts);
    }

    /**
     * The full suite under TestImpact on two workers and on one, {@link #PARALLEL_ROUNDS} rounds taken in turn after one
     * run of each that measures its map (a run without a map knows no tests to spread, so it runs on one worker).
     */
    private ImpactFigures.Parallel parallel(String corpus) throws Exception {
        Path workspace = Corpora.clone(corpus, temp.resolve(corpus + "-parallel"));
        LocalRuns two = new LocalRuns(workspace, temp.resolve(corpus + "-parallel-copies"), Duration.ZERO);
        LocalRuns one = new LocalRuns(workspace, temp.resolve(corpus + "-parallel-copies"), Duration.ofHours(1));
        two.run(LocalRuns.full());
        one.run(LocalRuns.full());
        List<LocalRuns.Run> onTwo = new ArrayList<>();
        List<LocalRuns.Run> onOne = new ArrayList<>();
        for (int round = 0; round < PARALLEL_ROUNDS; round++) {
            onTwo.add(two.run(LocalRuns.full()));
            onOne.add(one.run(LocalRuns.full()));
        }
        return ImpactFigures.Parallel.of(onTwo, onOne);
    }

    static int fromEnvironment(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }
}
