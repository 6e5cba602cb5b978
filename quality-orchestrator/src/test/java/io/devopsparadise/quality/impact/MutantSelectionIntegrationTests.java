package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Corpora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of toolz's functions, each applied to the working tree and run as a developer would: every mutant the full
 * suite catches, the changed-only selection catches too. The expectations come from the full suite run in the test
 * on every mutant. (Fifty mutants per repository, with the times, are in bench/impact.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MutantSelectionIntegrationTests {

    static final int MUTANTS = 8;

    @TempDir
    Path temp;

    @Test
    void everyToolzMutantTheFullSuiteCatchesTheSelectionCatchesToo() throws Exception {
        Path workspace = Corpora.clone("toolz", temp.resolve("toolz"));
        List<Mutant> mutants = Mutants.pick(workspace, "toolz", MUTANTS);
        MutantEvaluation evaluation = new MutantEvaluation(workspace, temp.resolve("copies"));
        evaluation.start();
        List<MutantEvaluation.Verdict> verdicts = new ArrayList<>();
        for (Mutant mutant : mutants) {
            MutantEvaluation.Verdict verdict = evaluation.evaluate(mutant);
            System.out.println("[impact mutants toolz] " + verdict);
            verdicts.add(verdict);
        }
        assertThat(mutants).hasSize(MUTANTS).extracting(Mutant::kind).containsAll(List.of(MutationKind.values()));
        assertThat(verdicts)
                .filteredOn(MutantEvaluation.Verdict::caughtByFullSuite)
                .isNotEmpty()
                .allSatisfy(verdict -> assertThat(verdict.caughtBySelection())
                        .as(verdict.toString())
                        .isTrue())
                .allSatisfy(verdict ->
                        assertThat(verdict.missed()).as(verdict.toString()).isEmpty());
        assertThat(verdicts)
                .allSatisfy(verdict -> assertThat(verdict.failingAfterRevert())
                        .as(verdict.toString())
                        .isEmpty());
    }
}
