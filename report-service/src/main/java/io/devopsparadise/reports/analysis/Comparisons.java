package io.devopsparadise.reports.analysis;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.runs.RunItems;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compares two stored runs from their rows of tests and findings, never reading either run's whole result. */
@Service
public class Comparisons {

    private final RunItems items;

    Comparisons(RunItems items) {
        this.items = items;
    }

    @Transactional(readOnly = true)
    public RunComparison compare(RunSummary base, RunSummary head) {
        return RunComparison.of(stored(base), stored(head));
    }

    private ComparedRun stored(RunSummary run) {
        return new ComparedRun() {
            @Override
            public RunSummary summary() {
                return run;
            }

            @Override
            public void eachTest(BiConsumer<String, TestCaseResult> test) {
                items.eachTest(run.id(), test);
            }

            @Override
            public void eachFinding(Consumer<Finding> finding) {
                items.eachFinding(run.id(), finding);
            }
        };
    }
}
