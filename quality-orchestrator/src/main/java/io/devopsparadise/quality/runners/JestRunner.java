package io.devopsparadise.quality.runners;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** jest with jest-junit (JUnit XML) and its Cobertura coverage reporter, from the instance's npm tools. */
@Component
class JestRunner extends TestReportsRunner {

    @Override
    public String tool() {
        return "jest";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("jest");
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of("node", context.nodeModules() + "/jest/bin/jest.js", "--ci", "--rootDir", context.workspaceInInstance(),
                "--coverage", "--coverageReporters=cobertura", "--coverageDirectory=" + context.reportInInstance(""),
                "--reporters=default", "--reporters=" + context.nodeModules() + "/jest-junit");
    }

    @Override
    public Map<String, String> environment(RunContext context) {
        return Map.of("JEST_JUNIT_OUTPUT_DIR", context.reportInInstance(""), "JEST_JUNIT_OUTPUT_NAME", junitReport());
    }

    @Override
    public String installHint() {
        return "npm install jest jest-junit where the instance keeps its npm tools";
    }


    @Override
    String coverageReport() {
        return "cobertura-coverage.xml";
    }
}
