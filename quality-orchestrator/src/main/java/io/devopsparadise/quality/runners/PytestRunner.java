package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.JunitXmlParser;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.util.List;

/** pytest with coverage.py: JUnit XML and Cobertura XML. */
@Component
class PytestRunner implements ToolRunner {

    private static final String JUNIT = "pytest-junit.xml";
    private static final String COVERAGE = "pytest-coverage.xml";
    private static final int NO_TESTS_COLLECTED = 5;

    @Override
    public String tool() {
        return "pytest";
    }

    @Override
    public String category() {
        return "unit";
    }

    @Override
    public boolean appliesTo(DetectedWorkspace workspace) {
        return workspace.has("python");
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of(context.python(), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=" + context.reportInInstance(JUNIT),
                "--cov=.", "--cov-branch", "--cov-report=xml:" + context.reportInInstance(COVERAGE));
    }

    @Override
    public String installHint() {
        return "apt-get install python3-pytest python3-pytest-cov";
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        if (result.exitCode() == NO_TESTS_COLLECTED) {
            return ToolOutcome.skipped(tool(), category(), "pytest collected no tests");
        }
        if (!Files.exists(context.reportOnHost(JUNIT))) {
            return Outcomes.crashed(this, result, "pytest wrote no JUnit report");
        }
        List<TestCaseResult> tests = new JunitXmlParser().parse(context.reportOnHost(JUNIT));
        var coverage = Files.exists(context.reportOnHost(COVERAGE)) ? new CoberturaParser().parse(context.reportOnHost(COVERAGE)) : null;
        boolean failed = tests.stream().anyMatch(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR);
        return new ToolOutcome(tool(), category(), failed ? ToolStatus.FAILED : ToolStatus.PASSED, result.durationMillis(),
                null, tests, coverage, List.of());
    }
}
