package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.reports.SarifParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * ESLint with the SARIF formatter, on workspaces that configure it (eslint.config.*, .eslintrc*, or package.json
 * "eslintConfig"): without a configuration ESLint has no rules to apply.
 */
@Component
class EslintRunner extends LintRunner {

    @Override
    public String tool() {
        return "eslint";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("javascript")
                && context.workspace().rules().configures("eslint");
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(List.of(
                "node",
                context.nodeModules() + "/eslint/bin/eslint.js",
                "--format",
                context.nodeModules() + "/@microsoft/eslint-formatter-sarif/sarif.js",
                "--output-file",
                context.reportInInstance(report())));
        command.add("--");
        command.addAll(context.filesOfKind(List.of("."), ".js"));
        return command;
    }

    @Override
    List<String> notes(RunContext context) {
        return context.workspace().rules().unreadable(List.of("package.json"));
    }

    @Override
    public String installHint() {
        return "npm install eslint @microsoft/eslint-formatter-sarif where the instance keeps its npm tools";
    }

    @Override
    String report() {
        return "eslint.sarif";
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new SarifParser().parse(report, "file://" + context.workspaceInInstance() + "/");
    }
}
