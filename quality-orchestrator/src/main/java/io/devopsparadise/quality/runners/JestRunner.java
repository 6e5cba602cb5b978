package io.devopsparadise.quality.runners;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * jest with jest-junit (JUnit XML) and its Cobertura coverage reporter, from the instance's npm tools. The project's
 * configuration applies: its jest.config.* is named explicitly (its rootDir, testMatch and setup stay the project's),
 * a "jest" block in package.json is found by jest itself; only a project without either gets the workspace as rootDir.
 */
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
        List<String> command = new ArrayList<>(List.of("node", context.nodeModules() + "/jest/bin/jest.js", "--ci"));
        Optional<String> config = context.workspace().rules().jestConfig();
        if (config.isEmpty()) {
            command.addAll(List.of("--rootDir", context.workspaceInInstance()));
        } else if (!config.get().equals("package.json")) {
            command.add("--config=" + context.workspaceInInstance() + "/" + config.get());
        }
        command.addAll(List.of("--coverage", "--coverageReporters=cobertura", "--coverageDirectory=" + context.reportInInstance(""),
                "--reporters=default", "--reporters=" + context.nodeModules() + "/jest-junit"));
        return command;
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
