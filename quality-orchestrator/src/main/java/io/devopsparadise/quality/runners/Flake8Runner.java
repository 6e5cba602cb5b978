package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.reports.Flake8Parser;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** flake8 (pycodestyle + pyflakes) on the workspace's Python files or the changed ones. */
@Component
class Flake8Runner extends FindingsRunner {

    @Override
    public String tool() {
        return "flake8";
    }

    @Override
    public String category() {
        return "lint";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("python") && !context.workspace().pythonFiles().isEmpty();
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(List.of("flake8", "--format=" + Flake8Parser.FORMAT,
                "--output-file=" + context.reportInInstance(report()), "--exit-zero"));
        command.addAll(context.filesOfKind(context.workspace().pythonFiles(), ".py"));
        return command;
    }

    @Override
    public String installHint() {
        return "apt-get install flake8";
    }

    @Override
    String report() {
        return "flake8.txt";
    }

    @Override
    boolean emptyReportIsClean() {
        return true;
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new Flake8Parser().parse(report);
    }
}
