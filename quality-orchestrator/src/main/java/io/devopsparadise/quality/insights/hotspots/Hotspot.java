package io.devopsparadise.quality.insights.hotspots;

/**
 * A file where change meets complexity.
 *
 * @param commits         commits that touched it in the window
 * @param complexity      the sum of its functions' cyclomatic complexity
 * @param highest         its most complex function's complexity
 * @param mostComplex     the name of that function
 * @param coveredPercent  its line coverage in the latest run; null when no run measured it
 * @param findings        findings of the latest run in it
 * @param score           0 to 1: churn times complexity, each against the repository's largest, raised by up to twice
 *                        by uncovered lines and again by findings
 */
public record Hotspot(
        String file,
        int commits,
        int complexity,
        int highest,
        String mostComplex,
        Double coveredPercent,
        int findings,
        double score) {}
