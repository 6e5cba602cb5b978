package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.TestCaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * jest with jest-junit (JUnit XML) and its Cobertura coverage reporter, from the instance's npm tools. The project's
 * configuration applies: its jest.config.* is named explicitly (its rootDir, testMatch and setup stay the project's),
 * a "jest" block in package.json is found by jest itself; only a project without either gets the workspace as rootDir.
 */
@Component
class JestRunner extends TestReportsRunner implements RerunnableTestRunner {

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
        List<String> command = base(context);
        command.addAll(List.of(
                "--coverage",
                "--coverageReporters=cobertura",
                "--coverageDirectory=" + context.reportInInstance(""),
                "--reporters=default",
                "--reporters=" + context.nodeModules() + "/jest-junit"));
        return command;
    }

    /** jest with the project's configuration (or the workspace as its root). */
    private static List<String> base(RunContext context) {
        List<String> command = new ArrayList<>(List.of("node", context.nodeModules() + "/jest/bin/jest.js", "--ci"));
        Optional<String> config = context.workspace().rules().jestConfig();
        if (config.isEmpty()) {
            command.addAll(List.of("--rootDir", context.workspaceInInstance()));
        } else if (!config.get().equals("package.json")) {
            command.add("--config=" + context.workspaceInInstance() + "/" + config.get());
        }
        return command;
    }

    @Override
    public List<TestCaseResult> rerunnable(RunContext context, List<TestCaseResult> failed) {
        return failed.stream()
                .filter(test -> !test.name().isBlank() && !test.name().contains("\n"))
                .toList();
    }

    /**
     * The failed tests again, by their full names (jest-junit's name is the describe blocks and the title), matched whole
     * and literally: jest's {@code -t} takes a regular expression, so every name is quoted.
     */
    @Override
    public List<String> rerunCommand(RunContext context, List<TestCaseResult> tests, String report) {
        List<String> command = base(context);
        String names = tests.stream()
                .map(test -> literal(test.name().strip()))
                .collect(java.util.stream.Collectors.joining("|"));
        command.addAll(List.of(
                "--reporters=default",
                "--reporters=" + context.nodeModules() + "/jest-junit",
                "--testNamePattern=^(?:" + names + ")$"));
        return command;
    }

    /** Text as a JavaScript regular expression that matches it literally. */
    static String literal(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.*+?()[]{}|/-".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public Map<String, String> rerunEnvironment(RunContext context, String report) {
        return Map.of("JEST_JUNIT_OUTPUT_DIR", context.reportInInstance(""), "JEST_JUNIT_OUTPUT_NAME", report);
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
