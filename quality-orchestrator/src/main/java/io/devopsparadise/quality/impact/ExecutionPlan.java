package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.TestPlan;
import java.util.List;

/**
 * How the selected tests run: pytest's arguments in order (most likely to fail first, then longest first), and
 * on how many workers.
 *
 * @param arguments node ids and paths; empty when every test runs (pytest collects them itself) or none does
 * @param runNothing the change reaches no test: pytest does not run at all
 */
record ExecutionPlan(List<String> arguments, int workers, boolean runNothing, Selection selection, TestPlan view) {

    ExecutionPlan {
        arguments = List.copyOf(arguments);
    }
}
