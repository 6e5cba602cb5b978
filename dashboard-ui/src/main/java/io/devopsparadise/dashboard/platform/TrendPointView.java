package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;

import java.time.Instant;
import java.util.Map;

/** One run of a trend, as the report-service gives it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrendPointView(String runId, Instant startedAt, RunState state, Double passRate, Double lineRate,
                             Map<Severity, Integer> findings, long durationMillis, int score, String grade, String gitCommit) {
}
