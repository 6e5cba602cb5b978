package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.projectrules.ProjectRules;
import io.devopsparadise.quality.reports.Flake8Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * flake8 (pycodestyle + pyflakes) from the workspace root, so that the project's own configuration (.flake8,
 * setup.cfg or tox.ini [flake8]) applies, exclusions included: on the whole tree, or on the changed files that the
 * project's exclusions leave (flake8 checks a file named on its command line even when excluded). A project that
 * configures Ruff and not flake8 gets Ruff's run instead.
 */
@Component
class Flake8Runner extends LintRunner {

    /** Folders the detector skips, excluded when the project does not set flake8's exclusions itself. */
    private static final String SKIPPED = ".venv,venv,node_modules,.paradise";

    @Override
    public String tool() {
        return "flake8";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        ProjectRules rules = context.workspace().rules();
        return context.workspace().has("python")
                && !context.workspace().pythonFiles().isEmpty()
                && (rules.configures("flake8") || !rules.configures("ruff"));
    }

    @Override
    public List<String> command(RunContext context) {
        ProjectRules rules = context.workspace().rules();
        List<String> command = new ArrayList<>(List.of(
                "flake8",
                "--format=" + Flake8Parser.FORMAT,
                "--output-file=" + context.reportInInstance(report()),
                "--exit-zero"));
        if (!rules.configures("flake8")) {
            command.add("--extend-exclude=" + SKIPPED);
        }
        // no "--": flake8 then takes its own options for files; a name starting with '-' gets "./" instead
        // (filesOfKind)
        command.addAll(targets(context, rules.flake8Exclude()::kept));
        return command;
    }

    /** The changed Python files the exclusions leave, or the whole tree. */
    static List<String> targets(RunContext context, java.util.function.UnaryOperator<List<String>> exclusions) {
        return context.changedFiles().isEmpty()
                ? List.of(".")
                : exclusions.apply(context.filesOfKind(List.of(), ".py"));
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
