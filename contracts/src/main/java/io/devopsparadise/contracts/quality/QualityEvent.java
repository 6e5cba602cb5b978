package io.devopsparadise.contracts.quality;

import java.time.Instant;

/**
 * Progress of a run, for live views: RUN_STARTED, PLAN (a test tool's plan, before its tests start), TOOL_STARTED,
 * TEST_FAILED (the moment a test fails, before its tool ends), TOOL_FINISHED (with counts), RUN_FINISHED.
 *
 * @param status   the run's state (RUN_STARTED, RUN_FINISHED: {@link #runState()}), the tool's status (TOOL_FINISHED:
 *                 {@link #toolStatus()}; {@value #TOOL_RUNNING} at TOOL_STARTED), ALL or SELECTED (PLAN), FAILED (TEST_FAILED)
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

    /** The status of a TOOL_STARTED event: the tool runs. */
    public static final String TOOL_RUNNING = "RUNNING";

    /** The run's state, for RUN_STARTED and RUN_FINISHED; null for the other events, or a state this version does not know. */
    public RunState runState() {
        return type == Type.RUN_STARTED || type == Type.RUN_FINISHED ? known(RunState.class, status) : null;
    }

    /** How the tool ended, for TOOL_FINISHED; null for the other events (at TOOL_STARTED the tool runs). */
    public ToolStatus toolStatus() {
        return type == Type.TOOL_FINISHED ? known(ToolStatus.class, status) : null;
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
