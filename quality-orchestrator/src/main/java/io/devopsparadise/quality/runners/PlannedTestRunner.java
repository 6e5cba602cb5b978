package io.devopsparadise.quality.runners;

import java.util.List;

/** A test tool whose tests a test plan can choose, order and spread, and which measures per-test coverage for it. */
public interface PlannedTestRunner extends ToolRunner {

    /**
     * The command of a planned run.
     *
     * @param plugins      plugin modules to load ({@code -p}), found on the PYTHONPATH the plan sets
     * @param options      the plan's own options (workers, fail-fast)
     * @param tests        the selected tests in order; null when every test runs (the project's own arguments apply)
     */
    List<String> plannedCommand(RunContext context, List<String> plugins, List<String> options, List<String> tests);

    /** The report name of the per-test coverage data file the planned run writes. */
    String coverageDataFile();
}
