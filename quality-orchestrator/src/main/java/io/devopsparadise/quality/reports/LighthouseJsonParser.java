package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.PerformanceResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Lighthouse's JSON result (Lighthouse 12): category scores (0-1, null when a category could not be scored) and the
 * lab metrics' numeric values. A run Lighthouse could not complete carries a runtimeError instead.
 */
public final class LighthouseJsonParser {

    private static final String FORMAT = "Lighthouse JSON";
    static final List<String> METRICS = List.of(
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
            "interactive");

    public PerformanceResult parse(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode report = JsonReports.read(FORMAT, file);
            String url =
                    JsonReports.require(report, urlField(report), FORMAT, file).asString();
            Map<String, Double> scores = new LinkedHashMap<>();
            JsonReports.require(report, "categories", FORMAT, file).properties().forEach(category -> {
                JsonNode score = category.getValue().get("score");
                if (score != null && score.isNumber()) {
                    scores.put(category.getKey(), score.asDouble());
                }
            });
            Map<String, Double> metrics = new LinkedHashMap<>();
            JsonNode audits = JsonReports.require(report, "audits", FORMAT, file);
            for (String metric : METRICS) {
                JsonNode value = audits.path(metric).get("numericValue");
                if (value != null && value.isNumber()) {
                    metrics.put(metric, value.asDouble());
                }
            }
            return new PerformanceResult(url, scores, metrics);
        });
    }

    /** Why Lighthouse could not audit the page (unreachable URL, Chrome failure), if it says so. */
    public Optional<String> runtimeError(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode error = JsonReports.read(FORMAT, file).get("runtimeError");
            return error == null || error.isNull()
                    ? Optional.empty()
                    : Optional.of(error.path("code").asString("") + ": "
                            + error.path("message").asString(""));
        });
    }

    private static String urlField(JsonNode report) {
        return report.has("finalDisplayedUrl") ? "finalDisplayedUrl" : "requestedUrl";
    }
}
