package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.JunitXmlParser;

import java.nio.file.Files;
import java.util.List;

/**
 * A unit-test tool that writes JUnit XML and, when it measures coverage, Cobertura XML: it failed when a test
 * failed or erred, and crashed when it wrote no JUnit report.
 */
abstract class TestReportsRunner implements ToolRunner {

    /** The JUnit XML report's name in the run's report directory. */
    abstract String junitReport();

    /** The Cobertura XML report's name in the run's report directory. */
    abstract String coverageReport();

    /** An outcome decided by the exit code alone (no tests collected, say), before any report is read. */
    ToolOutcome byExitCode(ExecResult result) {
        return null;
    }

    @Override
    public String category() {
        return "unit";
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        ToolOutcome decided = byExitCode(result);
        if (decided != null) {
            return decided;
        }
        if (!Files.exists(context.reportOnHost(junitReport()))) {
            return Outcomes.crashed(this, result, tool() + " wrote no JUnit report");
        }
        List<TestCaseResult> tests = new JunitXmlParser().parse(context.reportOnHost(junitReport()));
        var coverage = Files.exists(context.reportOnHost(coverageReport())) ? new CoberturaParser().parse(context.reportOnHost(coverageReport())) : null;
        boolean failed = tests.stream().anyMatch(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR);
        return new ToolOutcome(tool(), category(), failed ? ToolStatus.FAILED : ToolStatus.PASSED, result.durationMillis(),
                null, tests, coverage, List.of());
    }
}
