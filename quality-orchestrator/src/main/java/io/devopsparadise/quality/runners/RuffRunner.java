package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.projectrules.RuffAsFlake8;
import io.devopsparadise.quality.projectrules.RuffSettings;
import io.devopsparadise.quality.reports.Flake8Parser;
import io.devopsparadise.quality.reports.SarifParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ruff, for a project that configures it: {@code ruff check} with the project's configuration (SARIF) when the
 * instance has Ruff; otherwise flake8 stands in, run {@code --isolated} with the project's Ruff rules translated
 * for the rule families both share (pycodestyle, pyflakes, mccabe), and the detail says so.
 */
@Component
class RuffRunner extends LintRunner {

    @Override
    public String tool() {
        return "ruff";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("python")
                && !context.workspace().pythonFiles().isEmpty()
                && context.workspace().rules().configures("ruff");
    }

    @Override
    public Optional<String> unmetRequirement(RunContext context) {
        if (context.tools().ruffCommand().isEmpty() && translation(context).selectsNothing()) {
            return Optional.of(
                    "ruff is not installed in the instance, and none of the project's Ruff rules has a flake8 counterpart: "
                            + String.join(",", translation(context).dropped()));
        }
        return Optional.empty();
    }

    @Override
    public List<String> command(RunContext context) {
        return context.tools().ruffCommand().map(ruff -> ruff(context, ruff)).orElseGet(() -> flake8(context));
    }

    private List<String> ruff(RunContext context, String ruff) {
        List<String> command = new ArrayList<>(List.of(
                ruff,
                "check",
                "--output-format=sarif",
                "--output-file=" + context.reportInInstance(report(context)),
                "--exit-zero",
                "--force-exclude"));
        command.add("--");
        command.addAll(Flake8Runner.targets(context, files -> files));
        return command;
    }

    private List<String> flake8(RunContext context) {
        RuffAsFlake8 translation = translation(context);
        List<String> command = new ArrayList<>(List.of(
                "flake8",
                "--format=" + Flake8Parser.FORMAT,
                "--output-file=" + context.reportInInstance(report(context)),
                "--exit-zero"));
        command.addAll(translation.options());
        command.addAll(Flake8Runner.targets(context, translation.exclusions()::kept));
        return command;
    }

    private static RuffSettings settings(RunContext context) {
        return context.workspace().rules().ruff().orElseGet(RuffSettings::defaults);
    }

    private static RuffAsFlake8 translation(RunContext context) {
        return new RuffAsFlake8(settings(context));
    }

    @Override
    List<String> notes(RunContext context) {
        List<String> notes = new ArrayList<>(super.notes(context));
        if (context.tools().ruffCommand().isEmpty()) {
            RuffAsFlake8 translation = translation(context);
            notes.add("ruff is not installed in the instance; flake8 ran with the project's Ruff rules translated: "
                    + String.join(" ", translation.rules()));
            if (!translation.dropped().isEmpty()) {
                notes.add("Ruff rules without a flake8 counterpart were left out: "
                        + String.join(",", translation.dropped()));
            }
        }
        return notes;
    }

    @Override
    public String installHint() {
        return "pip install ruff, and set paradise.quality.ruff to its command in the instance";
    }

    @Override
    String report() {
        return "ruff.sarif";
    }

    @Override
    String report(RunContext context) {
        return context.tools().ruffCommand().isPresent() ? report() : "ruff-flake8.txt";
    }

    @Override
    boolean emptyReportIsClean() {
        return true;
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return context.tools().ruffCommand().isPresent()
                ? new SarifParser().parse(report, "file://" + context.workspaceInInstance() + "/")
                : new Flake8Parser().parse(report);
    }
}
