package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.devopsparadise.contracts.quality.QualityRunResult;

import java.util.Map;

/** A stored run with its score, as the report-service gives it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredRunView(RunRow summary, Score score, QualityRunResult result) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(int value, String grade, Map<String, Double> components, int penalty) {
    }
}
