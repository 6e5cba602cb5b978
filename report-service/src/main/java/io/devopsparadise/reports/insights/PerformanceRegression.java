package io.devopsparadise.reports.insights;

import java.time.Instant;

/**
 * A performance figure that got worse by more than the run-to-run noise measured from the runs before it: the Lighthouse
 * performance score dropping, or a lab metric (first-contentful-paint, largest-contentful-paint, total-blocking-time,
 * speed-index, interactive, cumulative-layout-shift) growing.
 *
 * @param metric   "performance" (the score, 0 to 1) or the metric's Lighthouse audit id
 * @param before   the median of up to five runs before
 * @param after    the value of the run where it appeared
 * @param noise    the change the history's own variation explains (three median absolute deviations, at least a floor)
 * @param fromCommit the last commit before it; {@code toCommit} the first with it: the range where it appeared
 * @param summary  the same in words, with units
 */
public record PerformanceRegression(
        String runId,
        Instant at,
        String metric,
        double before,
        double after,
        double noise,
        String fromCommit,
        String toCommit,
        String summary) {}
