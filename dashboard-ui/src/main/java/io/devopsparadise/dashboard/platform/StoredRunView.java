package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.devopsparadise.contracts.quality.ToolDigest;

import java.util.List;
import java.util.Map;

/** A stored run with its score and each tool's counts, as the report-service gives it; its tests and findings come in pages. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredRunView(RunRow summary, Score score, List<ToolDigest> tools) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(int value, String grade, Map<String, Double> components, int penalty) {
    }
}
