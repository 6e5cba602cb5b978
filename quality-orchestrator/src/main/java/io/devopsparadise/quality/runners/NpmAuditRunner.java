package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.quality.reports.NpmAuditJsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** npm audit (JSON on standard output) of a workspace with a lock file, against the configured registry. */
@Component
class NpmAuditRunner extends FindingsRunner {

    @Override
    public String tool() {
        return "npm-audit";
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.SECURITY;
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("npm-lock");
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command = new ArrayList<>(List.of("npm", "audit", "--json"));
        if (context.tools().npmRegistry() != null) {
            command.addAll(List.of("--registry", context.tools().npmRegistry().toString()));
        }
        return command;
    }

    @Override
    public String installHint() {
        return "install Node.js with npm 7 or newer in the instance";
    }

    @Override
    String report() {
        return "npm-audit.json";
    }

    @Override
    boolean reportsOnStdout() {
        return true;
    }

    @Override
    Optional<String> reportedError(Path report) {
        return new NpmAuditJsonParser()
                .error(report)
                .map(error -> "npm audit got no advisories: " + error
                        + " (set paradise.quality.npm-registry to a registry that serves npm's audit endpoint)");
    }

    private static String lockFile(RunContext context) {
        return Files.exists(context.workspace().root().resolve("npm-shrinkwrap.json"))
                ? "npm-shrinkwrap.json"
                : "package-lock.json";
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new NpmAuditJsonParser().parse(report, lockFile(context));
    }
}
