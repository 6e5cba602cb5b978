package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.reports.SarifParser;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** ESLint with the SARIF formatter, on workspaces that carry an ESLint configuration. */
@Component
class EslintRunner extends FindingsRunner {

    private static final List<String> CONFIGS = List.of("eslint.config.js", "eslint.config.mjs", "eslint.config.cjs");

    @Override
    public String tool() {
        return "eslint";
    }

    @Override
    public String category() {
        return "lint";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        DetectedWorkspace workspace = context.workspace();
        return workspace.has("javascript") && CONFIGS.stream().anyMatch(config -> Files.exists(workspace.root().resolve(config)));
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(List.of("node", context.nodeModules() + "/eslint/bin/eslint.js",
                "--format", context.nodeModules() + "/@microsoft/eslint-formatter-sarif/sarif.js",
                "--output-file", context.reportInInstance(report())));
        command.addAll(context.filesOfKind(List.of("."), ".js"));
        return command;
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
