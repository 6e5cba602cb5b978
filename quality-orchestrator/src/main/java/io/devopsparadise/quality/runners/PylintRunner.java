package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.reports.PylintJsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Pylint (JSON), from the workspace root so that the project's configuration (pylintrc, .pylintrc, pyproject.toml
 * [tool.pylint.*], setup.cfg [pylint.*]) applies, on the workspace's Python files or the changed ones.
 */
@Component
class PylintRunner extends LintRunner {

    @Override
    public String tool() {
        return "pylint";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("python")
                && !context.workspace().pythonFiles().isEmpty();
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(
                List.of("pylint", "--output-format=json", "--output=" + context.reportInInstance(report())));
        command.add("--");
        command.addAll(context.filesOfKind(context.workspace().pythonFiles(), ".py"));
        return command;
    }

    @Override
    public String installHint() {
        return "apt-get install pylint";
    }

    @Override
    String report() {
        return "pylint.json";
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new PylintJsonParser().parse(report);
    }
}
