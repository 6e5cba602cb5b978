package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolDigest;

/**
 * A run in a few lines a model can read, whatever the run's size: state, verdict, one line per tool, the first
 * failures and the most severe findings, and where the full report is.
 */
final class QualityRunSummary {

    private QualityRunSummary() {}

    static String of(RunDigest run, String reportUrl) {
        StringBuilder text = new StringBuilder("Quality run " + run.id() + " (" + run.profile() + "): " + run.state());
        if (run.verdict() != null) {
            text.append(" — ").append(run.verdict());
        }
        if (run.baseline() != null) {
            text.append("\nCompared with run ")
                    .append(run.baseline().runId())
                    .append(" (")
                    .append(run.baseline().choice())
                    .append("): ")
                    .append(run.newFailures())
                    .append(" new failing test(s), ")
                    .append(run.newFindings())
                    .append(" new finding(s)");
        }
        run.plans().forEach(plan -> text.append("\nTest plan — ").append(plan.summary()));
        run.tools().forEach(tool -> text.append("\n- ").append(tool(tool)));
        if (!run.topFailures().isEmpty()) {
            text.append("\nFailing tests (first ")
                    .append(run.topFailures().size())
                    .append("):");
            run.topFailures().forEach(test -> text.append("\n- ").append(failure(test)));
        }
        if (!run.topFindings().isEmpty()) {
            text.append("\nMost severe findings (first ")
                    .append(run.topFindings().size())
                    .append("):");
            run.topFindings().forEach(finding -> text.append("\n- ").append(finding(finding)));
        }
        if (reportUrl != null) {
            text.append("\nFull report: ").append(reportUrl);
        }
        return text.toString();
    }

    private static String tool(ToolDigest tool) {
        StringBuilder line = new StringBuilder(tool.tool() + " [" + tool.category() + "] " + tool.status());
        if (tool.tests() > 0) {
            line.append(": ")
                    .append(tool.tests())
                    .append(" tests, ")
                    .append(tool.failed())
                    .append(" failing");
        }
        if (tool.lineRate() != null) {
            line.append(String.format(", line coverage %.1f%%", tool.lineRate() * 100));
        }
        if (tool.findings() > 0) {
            line.append(": ")
                    .append(tool.findings())
                    .append(tool.advisory() ? " findings (advice, not judged)" : " findings");
        }
        if (tool.detail() != null) {
            line.append(" (").append(tool.detail()).append(")");
        }
        return line.toString();
    }

    private static String failure(TestCaseResult test) {
        String message = test.failureMessage() == null
                ? ""
                : ": " + test.failureMessage().lines().findFirst().orElse("");
        return (test.wasIntroduced() ? "[new] " : "")
                + (test.suite() == null ? "" : test.suite() + " › ")
                + test.name()
                + message;
    }

    private static String finding(Finding finding) {
        String where =
                finding.file() == null ? "" : " " + finding.file() + (finding.line() > 0 ? ":" + finding.line() : "");
        return (finding.wasIntroduced() ? "[new] " : "") + finding.severity() + " " + finding.tool() + " "
                + finding.rule() + where + ": "
                + finding.message().lines().findFirst().orElse("");
    }
}
