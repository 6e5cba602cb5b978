package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.ToolCategory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Newman on the workspace's Postman collection (the first, by path, when there are several), with its environment
 * file when there is one, and the profile's target URL as the {@code baseUrl} variable. JUnit XML and JSON reports.
 */
@Component
class NewmanRunner extends TestReportsRunner {

    @Override
    public String tool() {
        return "newman";
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.API;
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("newman");
    }

    @Override
    public List<String> command(RunContext context) {
        List<String> collections = context.workspace().collections();
        List<String> command = new ArrayList<>(List.of(
                "node",
                context.nodeModules() + "/newman/bin/newman.js",
                "run",
                inWorkspace(context, first(collections, ".postman_collection.json"))));
        String environment = first(collections, ".postman_environment.json");
        if (environment != null) {
            command.addAll(List.of("--environment", inWorkspace(context, environment)));
        }
        if (context.targetUrl() != null) {
            command.addAll(List.of("--env-var", "baseUrl=" + context.targetUrl()));
        }
        command.addAll(List.of(
                "--reporters",
                "cli,junit,json",
                "--color",
                "off",
                "--reporter-junit-export",
                context.reportInInstance(junitReport()),
                "--reporter-json-export",
                context.reportInInstance("newman.json")));
        return command;
    }

    @Override
    public String installHint() {
        return "npm install newman where the instance keeps its npm tools";
    }

    private static String first(List<String> files, String suffix) {
        return files.stream().filter(f -> f.endsWith(suffix)).findFirst().orElse(null);
    }

    private static String inWorkspace(RunContext context, String relative) {
        return context.workspaceInInstance() + "/" + relative;
    }
}
