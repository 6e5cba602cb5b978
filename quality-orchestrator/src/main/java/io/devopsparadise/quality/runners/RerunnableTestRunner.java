package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.TestCaseResult;
import java.util.List;

/** A test tool that can run some of its failed tests again, by name, writing their JUnit XML into {@code report}. */
public interface RerunnableTestRunner extends ToolRunner {

    /** The tests of {@code failed} the tool can name on a command line (the others cannot be rerun). */
    List<TestCaseResult> rerunnable(RunContext context, List<TestCaseResult> failed);

    /** The command that runs exactly {@code tests} again, without coverage. */
    List<String> rerunCommand(RunContext context, List<TestCaseResult> tests, String report);

    /** The environment of a rerun whose JUnit XML goes to {@code report}. */
    default java.util.Map<String, String> rerunEnvironment(RunContext context, String report) {
        return environment(context);
    }

    /** Where a test's JUnit XML goes in the run's report directory for rerun {@code attempt}. */
    default String rerunReport(int attempt) {
        return tool() + "-rerun-" + attempt + ".xml";
    }
}
