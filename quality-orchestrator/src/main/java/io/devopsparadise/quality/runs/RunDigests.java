package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolDigest;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.util.Comparator;
import java.util.List;

/** Turns a whole run into its digest. */
final class RunDigests {

    private static final int MESSAGE = 300;

    private RunDigests() {}

    static RunDigest of(QualityRunResult run, boolean stored) {
        List<TestCaseResult> failures = run.tools().stream()
                .flatMap(t -> t.tests().stream())
                .filter(RunDigests::failing)
                .sorted(Comparator.comparing((TestCaseResult t) -> !t.wasIntroduced()))
                .limit(RunDigest.TOP)
                .map(RunDigests::shortened)
                .toList();
        List<Finding> findings = run.tools().stream()
                .filter(t -> !t.advisory())
                .flatMap(t -> t.findings().stream())
                .sorted(Comparator.comparing((Finding f) -> !f.wasIntroduced()).thenComparing(Finding::severity))
                .limit(RunDigest.TOP)
                .map(RunDigests::shortened)
                .toList();
        int newFindings = (int) run.tools().stream()
                .flatMap(t -> t.findings().stream())
                .filter(Finding::wasIntroduced)
                .count();
        int newFailures = (int) run.tools().stream()
                .flatMap(t -> t.tests().stream())
                .filter(t -> failing(t) && t.wasIntroduced())
                .count();
        return new RunDigest(
                run.id(),
                run.clientId(),
                run.workspace(),
                run.profile(),
                run.state(),
                run.startedAt(),
                run.finishedAt(),
                run.verdict(),
                run.gitCommit(),
                run.gitBranch(),
                run.tools().stream().map(RunDigests::tool).toList(),
                failures,
                findings,
                stored,
                run.baseline(),
                newFindings,
                newFailures,
                run.plans());
    }

    private static ToolDigest tool(ToolOutcome outcome) {
        ToolDigest digest = ToolDigest.of(outcome);
        return new ToolDigest(
                digest.tool(),
                digest.category(),
                digest.status(),
                digest.durationMillis(),
                cut(digest.detail()),
                digest.advisory(),
                digest.tests(),
                digest.failed(),
                digest.skipped(),
                digest.findings(),
                digest.lineRate());
    }

    private static boolean failing(TestCaseResult test) {
        return test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR;
    }

    private static TestCaseResult shortened(TestCaseResult test) {
        return new TestCaseResult(
                cut(test.suite()),
                cut(test.name()),
                cut(test.file()),
                test.status(),
                test.durationSeconds(),
                cut(test.failureMessage()),
                test.introduced());
    }

    private static Finding shortened(Finding finding) {
        return new Finding(
                cut(finding.tool()),
                cut(finding.rule()),
                finding.severity(),
                cut(finding.file()),
                finding.line(),
                cut(finding.message()),
                finding.fingerprint(),
                finding.introduced());
    }

    private static String cut(String text) {
        return text == null || text.length() <= MESSAGE ? text : text.substring(0, MESSAGE) + "…";
    }
}
