package io.devopsparadise.contracts.quality;

import java.time.Instant;

/**
 * Progress of a run, for live views: RUN_STARTED, TOOL_STARTED, TOOL_FINISHED (with counts), RUN_FINISHED.
 *
 * @param tests    test cases the tool reported (TOOL_FINISHED), else 0
 * @param failures failed or erred test cases (TOOL_FINISHED), else 0
 * @param findings findings the tool reported (TOOL_FINISHED), else 0
 */
public record QualityEvent(long sequence, Type type, String runId, String clientId, String tool, String status,
                           int tests, int failures, int findings, Instant timestamp) {

    public enum Type { RUN_STARTED, TOOL_STARTED, TOOL_FINISHED, RUN_FINISHED }
}
