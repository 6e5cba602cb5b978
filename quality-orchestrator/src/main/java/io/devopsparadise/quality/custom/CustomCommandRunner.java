package io.devopsparadise.quality.custom;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reports.BanditJsonParser;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.Flake8Parser;
import io.devopsparadise.quality.reports.JunitXmlParser;
import io.devopsparadise.quality.reports.PylintJsonParser;
import io.devopsparadise.quality.reports.SarifParser;
import io.devopsparadise.quality.runners.Outcomes;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one project command ({@link CustomTool}) and reads the report it names with the orchestrator's own parsers.
 * Its findings are judged: the project (or the operator) chose the tool. Reports are read only inside the run's
 * report directory, never through a symbolic link ({@link ReportFile}).
 */
public final class CustomCommandRunner implements ToolRunner {

    private final CustomTool tool;

    public CustomCommandRunner(CustomTool tool) {
        this.tool = tool;
    }

    @Override
    public String tool() {
        return tool.name();
    }

    @Override
    public ToolCategory category() {
        return tool.category();
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return true;
    }

    @Override
    public List<String> command(RunContext context) {
        return tool.argv(context);
    }

    @Override
    public Duration timeout(Duration profileTimeout) {
        return tool.timeout() == null || tool.timeout().compareTo(profileTimeout) > 0 ? profileTimeout : tool.timeout();
    }

    @Override
    public String installHint() {
        return tool.command().get(0) + " is needed by the command of " + tool.source();
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        try {
            return tool.report().format().isTests() ? tests(context, result) : findings(context, result);
        } catch (ReportFile.UnreadableReportException e) {
            return Outcomes.crashed(this, result, tool() + " (" + tool.source() + "): " + e.getMessage());
        }
    }

    private ToolOutcome tests(RunContext context, ExecResult result) {
        List<TestCaseResult> tests = ReportFile.parse(context, tool.report(), new JunitXmlParser()::parse);
        List<String> notes = new ArrayList<>();
        CoverageResult coverage = tool.coverage() == null ? null : coverage(context, notes);
        boolean failing = tests.stream().anyMatch(TestCaseResult::failing);
        if (!failing && result.exitCode() != 0) {
            return new ToolOutcome(
                    tool(),
                    category(),
                    ToolStatus.ERROR,
                    result.durationMillis(),
                    "the command exited " + result.exitCode() + " though its report lists no failing test"
                            + tail(result),
                    tests,
                    coverage,
                    List.of(),
                    null,
                    false);
        }
        ToolOutcome outcome = ToolOutcome.tests(
                tool(),
                category(),
                failing ? ToolStatus.FAILED : ToolStatus.PASSED,
                result.durationMillis(),
                tests,
                coverage);
        return Outcomes.noted(outcome, notes);
    }

    private CoverageResult coverage(RunContext context, List<String> notes) {
        try {
            return ReportFile.parse(context, tool.coverage(), new CoberturaParser()::parse);
        } catch (ReportFile.UnreadableReportException e) {
            notes.add("no coverage: " + e.getMessage());
            return null;
        }
    }

    private ToolOutcome findings(RunContext context, ExecResult result) {
        List<Finding> findings = ReportFile.parse(context, tool.report(), file -> switch (tool.report()
                .format()) {
            case SARIF -> new SarifParser().parse(file, "file://" + context.workspaceInInstance() + "/");
            case PYLINT_JSON -> new PylintJsonParser().parse(file);
            case BANDIT_JSON -> new BanditJsonParser().parse(file);
            case FLAKE8 -> new Flake8Parser().parse(file);
            case JUNIT, COBERTURA ->
                throw new IllegalStateException(
                        "not a findings report: " + tool.report().format());
        });
        return ToolOutcome.findings(tool(), category(), result.durationMillis(), findings);
    }

    private static String tail(ExecResult result) {
        String stderr = result.stderr() == null ? "" : result.stderr().strip();
        return stderr.isEmpty()
                ? ""
                : ": " + (stderr.length() > 500 ? stderr.substring(stderr.length() - 500) : stderr);
    }

    @Override
    public String toString() {
        return "custom command " + tool.name() + " (" + tool.source() + ")";
    }
}
