package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import org.springframework.stereotype.Component;

import java.util.List;

/** pytest with coverage.py: JUnit XML and Cobertura XML. */
@Component
class PytestRunner extends TestReportsRunner {

    private static final int NO_TESTS_COLLECTED = 5;

    @Override
    public String tool() {
        return "pytest";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("python");
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of(context.python(), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=" + context.reportInInstance(junitReport()),
                "--cov=.", "--cov-branch", "--cov-report=xml:" + context.reportInInstance(coverageReport()));
    }

    @Override
    public String installHint() {
        return "apt-get install python3-pytest python3-pytest-cov";
    }


    @Override
    String coverageReport() {
        return "pytest-coverage.xml";
    }

    @Override
    ToolOutcome byExitCode(ExecResult result) {
        return result.exitCode() == NO_TESTS_COLLECTED ? ToolOutcome.skipped(tool(), category(), "pytest collected no tests") : null;
    }
}
