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
import java.util.Map;

/** jest with jest-junit (JUnit XML) and its Cobertura coverage reporter, from the instance's npm tools. */
@Component
class JestRunner implements ToolRunner {

    private static final String JUNIT = "jest-junit.xml";
    private static final String COVERAGE = "cobertura-coverage.xml";

    @Override
    public String tool() {
        return "jest";
    }

    @Override
    public String category() {
        return "unit";
    }

    @Override
    public boolean appliesTo(DetectedWorkspace workspace) {
        return workspace.has("javascript");
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of("node", context.nodeModules() + "/jest/bin/jest.js", "--ci", "--rootDir", context.workspaceInInstance(),
                "--coverage", "--coverageReporters=cobertura", "--coverageDirectory=" + context.reportInInstance(""),
                "--reporters=default", "--reporters=" + context.nodeModules() + "/jest-junit");
    }

    @Override
    public Map<String, String> environment(RunContext context) {
        return Map.of("JEST_JUNIT_OUTPUT_DIR", context.reportInInstance(""), "JEST_JUNIT_OUTPUT_NAME", JUNIT);
    }

    @Override
    public String installHint() {
        return "npm install jest jest-junit where the instance keeps its npm tools";
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        if (!Files.exists(context.reportOnHost(JUNIT))) {
            return Outcomes.crashed(this, result, "jest wrote no JUnit report");
        }
        List<TestCaseResult> tests = new JunitXmlParser().parse(context.reportOnHost(JUNIT));
        var coverage = Files.exists(context.reportOnHost(COVERAGE)) ? new CoberturaParser().parse(context.reportOnHost(COVERAGE)) : null;
        boolean failed = tests.stream().anyMatch(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR);
        return new ToolOutcome(tool(), category(), failed ? ToolStatus.FAILED : ToolStatus.PASSED, result.durationMillis(),
                null, tests, coverage, List.of());
    }
}
