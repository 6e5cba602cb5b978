package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.util.List;

/**
 * A linter: its findings count toward the verdict when the project configures it (or the profile judges every
 * linter); otherwise they are reported as advice. Notes about the project's configuration go into the detail.
 */
abstract class LintRunner extends FindingsRunner {

    /** Python configuration files a Python linter's run depends on. */
    static final List<String> PYTHON_CONFIGS =
            List.of("pyproject.toml", "setup.cfg", "tox.ini", ".flake8", "ruff.toml", ".ruff.toml");

    @Override
    public ToolCategory category() {
        return ToolCategory.LINT;
    }

    /** The linter whose configuration decides whether the findings count (the tool itself, or the one it stands in for). */
    String configuredAs() {
        return tool();
    }

    @Override
    public boolean isUnconfiguredLinter(RunContext context) {
        return !context.workspace().rules().configures(configuredAs());
    }

    /** What the detail should say about this run: configuration that could not be read, options taken over. */
    List<String> notes(RunContext context) {
        return context.workspace().rules().unreadable(PYTHON_CONFIGS);
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        ToolOutcome outcome = Outcomes.noted(super.collect(context, result), notes(context));
        return context.judges(configuredAs())
                ? outcome
                : outcome.asAdvice("the project does not configure " + configuredAs() + "; its findings are advice");
    }
}
