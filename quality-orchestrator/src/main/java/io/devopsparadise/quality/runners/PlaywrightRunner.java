package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.ToolCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Playwright Test with its JUnit reporter, driving the instance's Chromium. The workspace's configuration launches
 * the browser from {@code CHROME_PATH} ({@code launchOptions.executablePath}) and reads the application's address
 * from {@code PARADISE_BASE_URL} (or starts it with its own webServer); @playwright/test resolves from NODE_PATH.
 */
@Component
class PlaywrightRunner extends TestReportsRunner {

    @Override
    public String tool() {
        return "playwright";
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.E2E;
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("playwright");
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of(
                "node",
                context.nodeModules() + "/@playwright/test/cli.js",
                "test",
                "--reporter=junit",
                "--output",
                context.reportInInstance("playwright-artifacts"));
    }

    @Override
    public Map<String, String> environment(RunContext context) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PLAYWRIGHT_JUNIT_OUTPUT_NAME", context.reportInInstance(junitReport()),
                "NODE_PATH", context.nodeModules(),
                "CHROME_PATH", context.tools().chromium(),
                "CI", "1"));
        if (context.targetUrl() != null) {
            environment.put("PARADISE_BASE_URL", context.targetUrl().toString());
        }
        return environment;
    }

    @Override
    public String installHint() {
        return "npm install @playwright/test where the instance keeps its npm tools, and apt-get install chromium";
    }
}
