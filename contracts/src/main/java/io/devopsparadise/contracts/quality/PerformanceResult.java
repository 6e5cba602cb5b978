package io.devopsparadise.contracts.quality;

import java.util.Map;
import java.util.Objects;

/**
 * A page's performance audit (Lighthouse).
 *
 * @param scores  category scores from 0 to 1 (performance, accessibility, best-practices, seo)
 * @param metrics lab metrics by Lighthouse audit id (first-contentful-paint, largest-contentful-paint, total-blocking-time,
 *                speed-index, interactive in milliseconds; cumulative-layout-shift unitless)
 */
public record PerformanceResult(String url, Map<String, Double> scores, Map<String, Double> metrics) {

    public PerformanceResult {
        Objects.requireNonNull(url, "url");
        scores = Map.copyOf(scores);
        metrics = Map.copyOf(metrics);
    }

    /** The performance category's score, or null when the audit did not score it. */
    public Double performanceScore() {
        return scores.get("performance");
    }
}
