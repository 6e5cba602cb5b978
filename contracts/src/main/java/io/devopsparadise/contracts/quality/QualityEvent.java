package io.devopsparadise.contracts.quality;

import java.time.Instant;

/**
 * Progress of a run, for live views: RUN_STARTED, PLAN (a test tool's plan, before its tests start), TOOL_STARTED,
 * TEST_FAILED (the moment a test fails, before its tool ends), TOOL_FINISHED (with counts), RUN_FINISHED.
 *
 * @param tests    test cases the tool reported (TOOL_FINISHED), else 0
 * @param failures failed or erred test cases (TOOL_FINISHED), else 0
 * @param findings findings the tool reported (TOOL_FINISHED), else 0
 * @param detail   the plan in one line (PLAN), the failed test and its first message line (TEST_FAILED); else null
 */
public record QualityEvent(
        long sequence,
        Type type,
        String runId,
        String clientId,
        String tool,
        String status,
        int tests,
        int failures,
        int findings,
        Instant timestamp,
        String detail) {

    public enum Type {
        RUN_STARTED,
        PLAN,
        TOOL_STARTED,
        TEST_FAILED,
        TOOL_FINISHED,
        RUN_FINISHED
    }

    /** An event without a detail. */
    public QualityEvent(
            long sequence,
            Type type,
            String runId,
            String clientId,
            String tool,
            String status,
            int tests,
            int failures,
            int findings,
            Instant timestamp) {
        this(sequence, type, runId, clientId, tool, status, tests, failures, findings, timestamp, null);
    }
}
