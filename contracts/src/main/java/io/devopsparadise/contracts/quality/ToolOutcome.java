package io.devopsparadise.contracts.quality;

import java.util.List;
import java.util.Objects;

/**
 * What one tool contributed to a run.
 *
 * @param category unit, lint, security, api, e2e or performance
 * @param detail   why it was skipped (with the install hint) or the tail of its stderr when it erred
 * @param coverage null when the tool measures none
 */
public record ToolOutcome(
        String tool,
        String category,
        ToolStatus status,
        long durationMillis,
        String detail,
        List<TestCaseResult> tests,
        CoverageResult coverage,
        List<Finding> findings) {

    public ToolOutcome {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(status, "status");
        tests = tests == null ? List.of() : List.copyOf(tests);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static ToolOutcome skipped(String tool, String category, String why) {
        return new ToolOutcome(tool, category, ToolStatus.SKIPPED, 0, why, List.of(), null, List.of());
    }

    public static ToolOutcome error(String tool, String category, long millis, String why) {
        return new ToolOutcome(tool, category, ToolStatus.ERROR, millis, why, List.of(), null, List.of());
    }
}
