package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.reports.ShellcheckJsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * ShellCheck (json1, printed on standard output) on the workspace's shell scripts or the changed ones; the project
 * configures it with a .shellcheckrc.
 */
@Component
class ShellcheckRunner extends LintRunner {

    @Override
    public String tool() {
        return "shellcheck";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("shell");
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(List.of("shellcheck", "-f", "json1"));
        command.add("--");
        command.addAll(context.filesOfKind(context.workspace().shellScripts(), ".sh"));
        return command;
    }

    @Override
    List<String> notes(RunContext context) {
        return List.of();
    }

    @Override
    public String installHint() {
        return "apt-get install shellcheck";
    }

    @Override
    String report() {
        return "shellcheck.json";
    }

    @Override
    boolean reportsOnStdout() {
        return true;
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new ShellcheckJsonParser().parse(report);
    }
}
