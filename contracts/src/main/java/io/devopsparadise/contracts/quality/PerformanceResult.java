package io.devopsparadise.contracts.quality;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A page's performance audit (Lighthouse); scores and metrics are kept sorted by name.
 *
 * @param scores  category scores from 0 to 1 (performance, accessibility, best-practices, seo)
 * @param metrics lab metrics by Lighthouse audit id (first-contentful-paint, largest-contentful-paint, total-blocking-time,
 *                speed-index, interactive in milliseconds; cumulative-layout-shift unitless)
 */
public record PerformanceResult(String url, Map<String, Double> scores, Map<String, Double> metrics) {

    public PerformanceResult {
        Objects.requireNonNull(url, "url");
        scores = Collections.unmodifiableMap(new TreeMap<>(scores));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** The performance category's score, or null when the audit did not score it. */
    public Double performanceScore() {
        return scores.get("performance");
    }
}
