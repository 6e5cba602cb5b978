package io.devopsparadise.reports.analysis;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.runs.StoredRun;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One side of a comparison, read item by item so that comparing two huge runs never holds either whole: the store
 * streams its rows, a run in memory walks its result.
 */
public interface ComparedRun {

    RunSummary summary();

    /** Every test case in report order, with the tool that ran it. */
    void eachTest(BiConsumer<String, TestCaseResult> test);

    /** Every finding in report order. */
    void eachFinding(Consumer<Finding> finding);

    /** A run whose whole result is in memory already. */
    static ComparedRun of(StoredRun run) {
        return new ComparedRun() {
            @Override
            public RunSummary summary() {
                return run.summary();
            }

            @Override
            public void eachTest(BiConsumer<String, TestCaseResult> test) {
                run.result().tools().forEach(tool -> tool.tests().forEach(t -> test.accept(tool.tool(), t)));
            }

            @Override
            public void eachFinding(Consumer<Finding> finding) {
                run.result().tools().forEach(tool -> tool.findings().forEach(finding));
            }
        };
    }
}
