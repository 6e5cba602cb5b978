package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * One run as a point of a trend.
 *
 * @param passRate null when no test ran
 * @param lineRate null when nothing measured coverage
 */
public record TrendPoint(
        String runId,
        Instant startedAt,
        RunState state,
        Double passRate,
        Double lineRate,
        Map<Severity, Integer> findings,
        long durationMillis,
        int score,
        String grade,
        String gitCommit) {

    public static TrendPoint of(RunSummary run) {
        return new TrendPoint(
                run.id(),
                run.startedAt(),
                run.state(),
                run.passRate(),
                run.lineRate(),
                run.findings(),
                run.durationMillis(),
                run.score(),
                run.grade(),
                run.gitCommit());
    }
}
