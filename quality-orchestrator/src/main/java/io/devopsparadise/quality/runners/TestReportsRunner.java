package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.JunitXmlParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The JUnit XML reports this run wrote. */
    List<Path> junitReports(RunContext context) {
        Path report = context.reportOnHost(junitReport());
        return Files.exists(report) ? List.of(report) : List.of();
    }

    /** The coverage this run measured, or null. */
    CoverageResult coverage(RunContext context) {
        if (coverageReport() == null || !Files.exists(context.reportOnHost(coverageReport()))) {
            return null;
        }
        return new CoberturaParser().parse(context.reportOnHost(coverageReport()));
    }

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
        List<Path> reports = junitReports(context);
        if (reports.isEmpty()) {
            return Outcomes.crashed(this, result, tool() + " wrote no JUnit report");
        }
        List<TestCaseResult> tests = new ArrayList<>();
        JunitXmlParser parser = new JunitXmlParser();
        reports.forEach(report -> tests.addAll(parser.parse(report)));
        boolean failed = tests.stream().anyMatch(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR);
        return ToolOutcome.tests(tool(), category(), failed ? ToolStatus.FAILED : ToolStatus.PASSED, result.durationMillis(),
                tests, coverage(context));
    }
}
