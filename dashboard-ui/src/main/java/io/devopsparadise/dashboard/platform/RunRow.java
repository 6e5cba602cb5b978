package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;

import java.time.Instant;
import java.util.Map;

/** A stored run as the report-service lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRow(String id, String clientId, String workspace, String profile, RunState state, Instant startedAt,
                     Instant finishedAt, long durationMillis, String gitCommit, String gitBranch, int testsTotal, int testsFailed,
                     int testsSkipped, Double lineRate, Double branchRate, Map<Severity, Integer> findings, int advisoryFindings, Double performanceScore,
                     int score, String grade, String verdict, String baselineRunId, int newFindings, int newFailures) {

    public int findingsTotal() {
        return findings == null ? 0 : findings.values().stream().mapToInt(Integer::intValue).sum();
    }
}
