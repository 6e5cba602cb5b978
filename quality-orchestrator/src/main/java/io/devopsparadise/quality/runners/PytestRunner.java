package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.projectrules.ProjectRules;
import io.devopsparadise.quality.projectrules.ToxPytestCommand;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * pytest with coverage.py: JUnit XML and Cobertura XML. Run from the workspace root, pytest reads the project's
 * own ini options itself; the pytest arguments of tox.ini's test command are added (made safe), and a project that
 * configures coverage gets a bare {@code --cov} so that its own source and omit settings apply.
 */
@Component
public class PytestRunner extends TestReportsRunner implements PlannedTestRunner, RerunnableTestRunner {

    private static final int NO_TESTS_COLLECTED = 5;
    private static final List<String> CONFIGS = List.of("pyproject.toml", "setup.cfg", "tox.ini", ".coveragerc");

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
        ProjectRules rules = context.workspace().rules();
        List<String> command = new ArrayList<>(List.of(
                context.python(),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--junitxml=" + context.reportInInstance(junitReport()),
                rules.coverageConfigured() ? "--cov" : "--cov=.",
                "--cov-branch",
                "--cov-report=xml:" + context.reportInInstance(coverageReport())));
        command.addAll(rules.pytestArgs());
        return command;
    }

    @Override
    public List<String> plannedCommand(
            RunContext context, List<String> plugins, List<String> options, List<String> tests) {
        ProjectRules rules = context.workspace().rules();
        List<String> command =
                new ArrayList<>(List.of(context.python(), "-m", "pytest", "-q", "-p", "no:cacheprovider"));
        plugins.forEach(plugin -> command.addAll(List.of("-p", plugin)));
        command.addAll(List.of(
                "--junitxml=" + context.reportInInstance(junitReport()),
                rules.coverageConfigured() ? "--cov" : "--cov=.",
                "--cov-branch",
                "--cov-context=test",
                "--cov-report=xml:" + context.reportInInstance(coverageReport())));
        command.addAll(options);
        // the plan stops, orders and spreads the tests itself: the project's -x, -n or --lf would cut the map short
        command.addAll(rules.pytestPlannedOptions());
        command.addAll((tests == null ? rules.pytestPaths() : tests)
                .stream()
                        .map(t -> t.startsWith("-") || t.startsWith("@") ? "./" + t : t)
                        .toList());
        return command;
    }

    @Override
    public List<TestCaseResult> rerunnable(RunContext context, List<TestCaseResult> failed) {
        return failed.stream()
                .filter(test ->
                        PytestNodeIds.of(context.workspace().root(), test).isPresent())
                .toList();
    }

    @Override
    public List<String> rerunCommand(RunContext context, List<TestCaseResult> tests, String report) {
        List<String> command = new ArrayList<>(List.of(
                context.python(),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--junitxml=" + context.reportInInstance(report)));
        command.addAll(context.workspace().rules().pytestPlannedOptions());
        tests.forEach(test -> PytestNodeIds.of(context.workspace().root(), test).ifPresent(command::add));
        return command;
    }

    @Override
    public String coverageDataFile() {
        return "pytest-coverage.data";
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
        return result.exitCode() == NO_TESTS_COLLECTED
                ? ToolOutcome.skipped(tool(), category(), "pytest collected no tests")
                : null;
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        return Outcomes.noted(
                super.collect(context, result), notes(context.workspace().rules()));
    }

    private static List<String> notes(ProjectRules rules) {
        List<String> notes = new ArrayList<>(rules.unreadable(CONFIGS));
        rules.toxPytest().ifPresent(tox -> notes.addAll(tox(tox)));
        if (rules.coverageConfigured()) {
            notes.add("coverage measured as the project configures it");
        }
        return notes;
    }

    private static List<String> tox(ToxPytestCommand tox) {
        List<String> notes = new ArrayList<>();
        if (!tox.args().isEmpty()) {
            notes.add("pytest arguments from tox.ini [testenv] commands: " + String.join(" ", tox.args()));
        }
        if (!tox.dropped().isEmpty()) {
            notes.add("left out of tox's pytest command: " + String.join(" ", tox.dropped()));
        }
        return notes;
    }
}
