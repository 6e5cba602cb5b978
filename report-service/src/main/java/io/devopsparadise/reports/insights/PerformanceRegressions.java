package io.devopsparadise.reports.insights;

import io.devopsparadise.reports.insights.InsightsRepository.WindowRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds performance figures that got worse by more than the noise of the runs before: the Lighthouse score dropping and
 * each lab metric growing. The baseline is the median of up to five earlier values, the noise three median absolute
 * deviations of their run-to-run changes, at least 2 points of score, 50 ms, or 0.01 of layout shift. At least three
 * earlier values are needed to measure noise at all.
 */
final class PerformanceRegressions {

    static final int BASELINE_RUNS = 5;
    static final int MIN_HISTORY = 3;
    static final double MIN_NOISE = 0.02;
    /** A timing metric's change under 50 ms, or a layout shift's under 0.01, is never told from noise. */
    static final double MIN_MILLIS_NOISE = 50;

    static final double MIN_SHIFT_NOISE = 0.01;
    static final String LAYOUT_SHIFT = "cumulative-layout-shift";

    private PerformanceRegressions() {}

    static List<PerformanceRegression> find(List<WindowRun> window) {
        List<PerformanceRegression> found = new ArrayList<>();
        found.addAll(find(window, "performance", WindowRun::performanceScore, false, MIN_NOISE));
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        window.forEach(run -> metrics.addAll(run.metrics().keySet()));
        for (String metric : metrics) {
            found.addAll(find(
                    window,
                    metric,
                    run -> run.metrics().get(metric),
                    true,
                    metric.equals(LAYOUT_SHIFT) ? MIN_SHIFT_NOISE : MIN_MILLIS_NOISE));
        }
        found.sort(
                java.util.Comparator.comparing(PerformanceRegression::at).thenComparing(PerformanceRegression::metric));
        return found;
    }

    /** One figure's regressions: a drop when higher is better, a rise when {@code lowerIsBetter}. */
    private static List<PerformanceRegression> find(
            List<WindowRun> window,
            String metric,
            java.util.function.Function<WindowRun, Double> value,
            boolean lowerIsBetter,
            double minNoise) {
        List<WindowRun> measured =
                window.stream().filter(r -> value.apply(r) != null).toList();
        List<PerformanceRegression> found = new ArrayList<>();
        for (int i = MIN_HISTORY; i < measured.size(); i++) {
            double[] before = measured.subList(Math.max(0, i - BASELINE_RUNS), i).stream()
                    .mapToDouble(r -> value.apply(r))
                    .toArray();
            double baseline = median(before);
            double noise = Math.max(minNoise, 3 * medianAbsoluteDeviation(changes(before)));
            double now = value.apply(measured.get(i));
            double worse = lowerIsBetter ? now - baseline : baseline - now;
            if (worse > noise) {
                WindowRun run = measured.get(i);
                found.add(new PerformanceRegression(
                        run.id(),
                        run.startedAt(),
                        metric,
                        baseline,
                        now,
                        noise,
                        measured.get(i - 1).gitCommit(),
                        run.gitCommit(),
                        metric + " " + shown(metric, baseline) + " → " + shown(metric, now) + " (noise ±"
                                + shown(metric, noise) + ")"));
            }
        }
        return found;
    }

    private static String shown(String metric, double value) {
        if (metric.equals("performance")) {
            return String.format(java.util.Locale.ROOT, "%.0f", value * 100);
        }
        return metric.equals(LAYOUT_SHIFT)
                ? String.format(java.util.Locale.ROOT, "%.3f", value)
                : String.format(java.util.Locale.ROOT, "%.0f ms", value);
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
