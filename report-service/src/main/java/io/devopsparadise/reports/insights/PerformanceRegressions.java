package io.devopsparadise.reports.insights;

import io.devopsparadise.reports.insights.InsightsRepository.WindowRun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds drops of the Lighthouse performance score larger than the noise of the runs before: the baseline is the median of
 * up to five earlier scores, the noise three median absolute deviations of their run-to-run changes (at least 0.02, two
 * points). At least three earlier scores are needed to measure noise at all.
 */
final class PerformanceRegressions {

    static final int BASELINE_RUNS = 5;
    static final int MIN_HISTORY = 3;
    static final double MIN_NOISE = 0.02;

    private PerformanceRegressions() {
    }

    static List<PerformanceRegression> find(List<WindowRun> window) {
        List<WindowRun> scored = window.stream().filter(r -> r.performanceScore() != null).toList();
        List<PerformanceRegression> found = new ArrayList<>();
        for (int i = MIN_HISTORY; i < scored.size(); i++) {
            double[] before = scored.subList(Math.max(0, i - BASELINE_RUNS), i).stream().mapToDouble(WindowRun::performanceScore).toArray();
            double baseline = median(before);
            double noise = Math.max(MIN_NOISE, 3 * medianAbsoluteDeviation(changes(before)));
            double now = scored.get(i).performanceScore();
            if (baseline - now > noise) {
                found.add(new PerformanceRegression(scored.get(i).id(), scored.get(i).startedAt(), baseline, now, noise,
                        scored.get(i - 1).gitCommit(), scored.get(i).gitCommit()));
            }
        }
        return found;
    }

    private static double[] changes(double[] values) {
        double[] changes = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            changes[i - 1] = values[i] - values[i - 1];
        }
        return changes;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double medianAbsoluteDeviation(double[] values) {
        double median = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    }
}
