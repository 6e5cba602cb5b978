package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.RunState;
import java.time.Instant;

/**
 * A filter over stored runs; null fields do not filter.
 *
 * @param limit at most this many runs, newest first (1–500)
 */
public record RunQuery(String clientId, String workspace, RunState state, String branch, Instant since, int limit) {

    public static final int MAX_LIMIT = 500;

    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
