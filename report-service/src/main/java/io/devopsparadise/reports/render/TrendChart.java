package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.reports.TrendPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A line chart drawn as inline SVG (no script, nothing fetched): series of values over a trend's runs, scaled into a
 * {@value #WIDTH}×{@value #HEIGHT} view box. A run without a value leaves a gap in its series.
 */
public record TrendChart(String title, double max, List<Series> series, int runs) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 200;
    private static final int PAD = 30;

    /** One line: a name, a colour, the polyline segments' points attributes, and each point's dot. */
    public record Series(String name, String color, List<String> segments, List<Dot> dots) {}

    public record Dot(double x, double y, String label) {}

    /** Score, pass rate and line coverage in percent. */
    public static TrendChart quality(List<TrendPoint> trend) {
        return of(
                "Score, pass rate and coverage (%)",
                100,
                trend,
                List.of(
                        spec("score", "#4b6bfb", p -> (double) p.score()),
                        spec("pass rate", "#1f9d55", p -> p.passRate() == null ? null : p.passRate() * 100),
                        spec("line coverage", "#d97706", p -> p.lineRate() == null ? null : p.lineRate() * 100)));
    }

    /** Findings per run, all severities together and the critical + high ones. */
    public static TrendChart findings(List<TrendPoint> trend) {
        double max = Math.max(
                1,
                trend.stream()
                        .mapToInt(p -> p.findings().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .max()
                        .orElse(1));
        return of(
                "Findings",
                max,
                trend,
                List.of(
                        spec("all findings", "#6b7280", p -> (double) p.findings().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()),
                        spec(
                                "critical + high",
                                "#dc2626",
                                p -> (double) (p.findings().getOrDefault(Severity.CRITICAL, 0)
                                        + p.findings().getOrDefault(Severity.HIGH, 0)))));
    }

    private record Spec(String name, String color, Function<TrendPoint, Double> value) {}

    private static Spec spec(String name, String color, Function<TrendPoint, Double> value) {
        return new Spec(name, color, value);
    }

    private static TrendChart of(String title, double max, List<TrendPoint> trend, List<Spec> specs) {
        List<Series> series = new ArrayList<>();
        for (Spec spec : specs) {
            List<String> segments = new ArrayList<>();
            List<Dot> dots = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            for (int i = 0; i < trend.size(); i++) {
                Double value = spec.value().apply(trend.get(i));
                if (value == null) {
                    flush(segment, segments);
                    continue;
                }
                double x = x(i, trend.size());
                double y = HEIGHT - PAD - value / max * (HEIGHT - 2 * PAD);
                segment.append(segment.length() == 0 ? "" : " ")
                        .append(number(x))
                        .append(',')
                        .append(number(y));
                dots.add(new Dot(
                        Double.parseDouble(number(x)),
                        Double.parseDouble(number(y)),
                        spec.name() + " " + number(value) + " (run "
                                + trend.get(i).runId() + ")"));
            }
            flush(segment, segments);
            series.add(new Series(spec.name(), spec.color(), segments, dots));
        }
        return new TrendChart(title, max, series, trend.size());
    }

    private static void flush(StringBuilder segment, List<String> segments) {
        if (segment.length() > 0) {
            segments.add(segment.toString());
            segment.setLength(0);
        }
    }

    private static double x(int index, int count) {
        return count <= 1 ? WIDTH / 2.0 : PAD + index * (WIDTH - 2.0 * PAD) / (count - 1);
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The y of a value on the axis, for gridlines and labels. */
    public double y(double value) {
        return HEIGHT - PAD - value / max * (HEIGHT - 2 * PAD);
    }

    public String maxLabel() {
        return number(max);
    }
}
