package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.reportdir.UnsafeReportException;
import io.devopsparadise.quality.reports.LighthouseJsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lighthouse (JSON) on the page the profile's target URL names, in the instance's headless Chromium. Scores are
 * judged against the profile's minimum performance score, not here.
 */
@Component
class LighthouseRunner implements ToolRunner {

    static final String CHROME_FLAGS =
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking";
    private static final String REPORT = "lighthouse.json";

    @Override
    public String tool() {
        return "lighthouse";
    }

    @Override
    public ToolCategory category() {
        return ToolCategory.PERFORMANCE;
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return true;
    }

    @Override
    public Optional<String> unmetRequirement(RunContext context) {
        return context.targetUrl() == null
                ? Optional.of("the profile gives no target-url for Lighthouse to audit")
                : Optional.empty();
    }

    @Override
    public List<String> command(RunContext context) {
        return List.of(
                "node",
                context.nodeModules() + "/lighthouse/cli/index.js",
                context.targetUrl().toString(),
                "--output=json",
                "--output-path=" + context.reportInInstance(REPORT),
                CHROME_FLAGS,
                "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo");
    }

    @Override
    public Map<String, String> environment(RunContext context) {
        return Map.of("CHROME_PATH", context.tools().chromium());
    }

    @Override
    public String installHint() {
        return "npm install lighthouse@12 where the instance keeps its npm tools, and apt-get install chromium";
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        Optional<Path> report;
        try {
            report = context.reports().fetch(REPORT);
        } catch (UnsafeReportException e) {
            return ToolOutcome.error(tool(), category(), result.durationMillis(), e.getMessage());
        }
        if (report.isEmpty()) {
            return Outcomes.crashed(this, result, "lighthouse wrote no report");
        }
        LighthouseJsonParser parser = new LighthouseJsonParser();
        Optional<String> error = ReportDirectory.parseCopy(REPORT, report.get(), parser::runtimeError);
        if (error.isPresent()) {
            return ToolOutcome.error(
                    tool(),
                    category(),
                    result.durationMillis(),
                    "lighthouse could not audit " + context.targetUrl() + ": " + error.get());
        }
        return new ToolOutcome(
                tool(),
                category(),
                ToolStatus.PASSED,
                result.durationMillis(),
                null,
                List.of(),
                null,
                List.of(),
                ReportDirectory.parseCopy(REPORT, report.get(), parser::parse),
                false);
    }
}
