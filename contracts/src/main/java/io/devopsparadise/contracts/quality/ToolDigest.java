package io.devopsparadise.contracts.quality;

/**
 * One tool's outcome as counts.
 *
 * @param failed   failed or erred test cases
 * @param lineRate null when the tool measured no coverage
 */
public record ToolDigest(
        String tool,
        ToolCategory category,
        ToolStatus status,
        long durationMillis,
        String detail,
        boolean advisory,
        int tests,
        int failed,
        int skipped,
        int findings,
        Double lineRate) {

    public static ToolDigest of(ToolOutcome outcome) {
        int failed = (int) outcome.tests().stream()
                .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                .count();
        int skipped = (int) outcome.tests().stream()
                .filter(t -> t.status() == TestStatus.SKIPPED)
                .count();
        return new ToolDigest(
                outcome.tool(),
                outcome.category(),
                outcome.status(),
                outcome.durationMillis(),
                outcome.detail(),
                outcome.advisory(),
                outcome.tests().size(),
                failed,
                skipped,
                outcome.findings().size(),
                outcome.coverage() == null ? null : outcome.coverage().lineRate());
    }

    /** Whether the tool reports findings (lint, semantic and security tools). */
    public boolean reportsFindings() {
        return category != null && category.reportsFindings();
    }
}
