package io.devopsparadise.contracts.quality;

import java.util.List;
import java.util.Objects;

/**
 * What one tool contributed to a run.
 *
 * @param category unit, lint, security, api, e2e or performance
 * @param detail   why it was skipped (with the install hint) or the tail of its stderr when it erred
 * @param coverage    null when the tool measures none
 * @param performance null unless the tool audits a page's performance
 * @param advisory    true when the tool's findings are advice: reported, but not judged by the verdict (a linter the
 *                    project does not configure, unless the profile says otherwise)
 * @param cachedFrom  the run whose result this is, reused because nothing the tool reads changed since (its files,
 *                    its configuration, its version); null when the tool ran
 */
public record ToolOutcome(
        String tool,
        ToolCategory category,
        ToolStatus status,
        long durationMillis,
        String detail,
        List<TestCaseResult> tests,
        CoverageResult coverage,
        List<Finding> findings,
        PerformanceResult performance,
        Boolean advisory,
        String cachedFrom) {

    /** An outcome of a tool that ran. */
    public ToolOutcome(
            String tool,
            ToolCategory category,
            ToolStatus status,
            long durationMillis,
            String detail,
            List<TestCaseResult> tests,
            CoverageResult coverage,
            List<Finding> findings,
            PerformanceResult performance,
            Boolean advisory) {
        this(tool, category, status, durationMillis, detail, tests, coverage, findings, performance, advisory, null);
    }

    public ToolOutcome {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(status, "status");
        tests = tests == null ? List.of() : List.copyOf(tests);
        findings = findings == null ? List.of() : List.copyOf(findings);
        // results written before advisory outcomes existed have no such field
        advisory = Boolean.TRUE.equals(advisory);
    }

    /** The outcome of a test tool: its test cases and the coverage it measured, if any. */
    public static ToolOutcome tests(
            String tool,
            ToolCategory category,
            ToolStatus status,
            long millis,
            List<TestCaseResult> tests,
            CoverageResult coverage) {
        return new ToolOutcome(tool, category, status, millis, null, tests, coverage, List.of(), null, false);
    }

    /** The outcome of a lint or security tool that ran: its findings. */
    public static ToolOutcome findings(String tool, ToolCategory category, long millis, List<Finding> findings) {
        return new ToolOutcome(tool, category, ToolStatus.PASSED, millis, null, List.of(), null, findings, null, false);
    }

    public static ToolOutcome skipped(String tool, ToolCategory category, String why) {
        return new ToolOutcome(tool, category, ToolStatus.SKIPPED, 0, why, List.of(), null, List.of(), null, false);
    }

    public static ToolOutcome error(String tool, ToolCategory category, long millis, String why) {
        return new ToolOutcome(tool, category, ToolStatus.ERROR, millis, why, List.of(), null, List.of(), null, false);
    }

    /** The same outcome, its findings reported as advice that the verdict does not judge. */
    public ToolOutcome asAdvice(String why) {
        return new ToolOutcome(
                tool,
                category,
                status,
                durationMillis,
                detail == null ? why : detail + "; " + why,
                tests,
                coverage,
                findings,
                performance,
                true,
                cachedFrom);
    }

    /** The same outcome, reused by a later run because nothing the tool reads changed since run {@code runId}. */
    public ToolOutcome cachedFrom(String runId) {
        String why = "cached: nothing it reads changed since run " + runId;
        return new ToolOutcome(
                tool,
                category,
                status,
                durationMillis,
                detail == null ? why : why + "; " + detail,
                tests,
                coverage,
                findings,
                performance,
                advisory,
                runId);
    }
}
