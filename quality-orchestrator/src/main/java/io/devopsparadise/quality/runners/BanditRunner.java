package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.quality.reports.BanditJsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bandit, Python security findings (JSON). */
@Component
class BanditRunner extends FindingsRunner {

    @Override
    public String tool() {
        return "bandit";
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.SECURITY;
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("python");
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> command =
                new ArrayList<>(List.of("bandit", "-q", "-f", "json", "-o", context.reportInInstance(report())));
        List<String> files = context.filesOfKind(List.of(), ".py");
        if (files.isEmpty()) {
            command.addAll(List.of("-r", ".", "-x", "./.paradise"));
        } else {
            command.add("--");
            command.addAll(files);
        }
        return command;
    }

    @Override
    public String installHint() {
        return "apt-get install bandit";
    }

    @Override
    String report() {
        return "bandit.json";
    }

    @Override
    List<Finding> parse(Path report, RunContext context) {
        return new BanditJsonParser().parse(report);
    }
}
