package io.devopsparadise.reports.insights;

import java.time.Instant;

/**
 * A drop in the Lighthouse performance score larger than the run-to-run noise measured from the runs before it.
 *
 * @param before   the median score of up to five runs before, 0 to 1
 * @param after    the score of the run where it appeared
 * @param noise    the drop the history's own variation explains (three median absolute deviations, at least 0.02)
 * @param fromCommit the last commit before the drop; {@code toCommit} the first with it: the range where it appeared
 */
public record PerformanceRegression(String runId, Instant at, double before, double after, double noise, String fromCommit, String toCommit) {
}
