package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reportdir.UnsafeReportException;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.JunitXmlParser;
import java.util.List;
import java.util.Optional;

/**
 * A test tool that writes JUnit XML and, when it measures coverage, a coverage report: it failed when a test
 * failed or erred, and crashed when it wrote no JUnit report.
 */
abstract class TestReportsRunner implements ToolRunner {

    /** The JUnit XML report's name in the run's report directory. */
    String junitReport() {
        return tool() + "-junit.xml";
    }

    /** The Cobertura XML report's name in the run's report directory; null when the tool measures no coverage. */
    String coverageReport() {
        return null;
    }

    /** The test cases of the JUnit XML reports this run wrote; empty when it wrote none. */
    Optional<List<TestCaseResult>> testCases(RunContext context) {
        return context.reports().parse(junitReport(), new JunitXmlParser()::parse);
    }

    /** The coverage this run measured, or null. */
    CoverageResult coverage(RunContext context) {
        if (coverageReport() == null) {
            return null;
        }
        return context.reports()
                .parse(coverageReport(), new CoberturaParser()::parse)
                .orElse(null);
    }

    /** An outcome decided by the exit code alone (no tests collected, say), before any report is read. */
    ToolOutcome byExitCode(ExecResult result) {
        return null;
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.UNIT;
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
        Optional<List<TestCaseResult>> found;
        CoverageResult coverage;
        try {
            found = testCases(context);
            coverage = found.isEmpty() ? null : coverage(context);
        } catch (UnsafeReportException e) {
            return ToolOutcome.error(tool(), category(), result.durationMillis(), e.getMessage());
        }
        if (found.isEmpty()) {
            return Outcomes.crashed(this, result, tool() + " wrote no JUnit report");
        }
        List<TestCaseResult> tests = found.get();
        boolean failed =
                tests.stream().anyMatch(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR);
        return ToolOutcome.tests(
                tool(),
                category(),
                failed ? ToolStatus.FAILED : ToolStatus.PASSED,
                result.durationMillis(),
                tests,
                coverage);
    }
}
