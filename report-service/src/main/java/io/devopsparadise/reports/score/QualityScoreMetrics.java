package io.devopsparadise.reports.score;

import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.reports.RunSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each client's latest quality score per profile ({@code paradise_quality_score}) and its change from the run before
 * ({@code paradise_quality_score_change}), for the alerting rule on a drop. Only runs that finished (passed or failed)
 * count: a cancelled or broken run's score says nothing about the code. Read from the store at start, so a restart does
 * not forget the latest scores.
 */
@Component
public class QualityScoreMetrics {

    private static final Set<RunState> SCORED = Set.of(RunState.PASSED, RunState.FAILED);

    private record Key(String client, String profile) {}

    /** The latest score, when its run finished, and the score before it. */
    private record Scores(int latest, Instant latestAt, Integer previous) {
        /** A run that finished before the latest (stored late, after a retry) changes nothing. */
        Scores next(int score, Instant at) {
            return at != null && latestAt != null && at.isBefore(latestAt) ? this : new Scores(score, at, latest);
        }

        double change() {
            return previous == null ? 0 : latest - previous;
        }
    }

    private final MeterRegistry meters;
    private final Map<Key, Scores> scores = new ConcurrentHashMap<>();

    QualityScoreMetrics(MeterRegistry meters, JdbcClient jdbc) {
        this.meters = meters;
        jdbc.sql("""
                        SELECT client_id, profile, score, finished_at FROM (
                            SELECT client_id, profile, score, finished_at,
                                ROW_NUMBER() OVER (PARTITION BY client_id, profile ORDER BY finished_at DESC, stored_at DESC) AS newest
                            FROM runs WHERE state IN ('PASSED', 'FAILED')) latest
                        WHERE newest <= 2
                        ORDER BY finished_at, newest DESC""")
                .query((rs, row) -> {
                    java.sql.Timestamp finished = rs.getTimestamp("finished_at");
                    record(
                            new Key(rs.getString("client_id"), rs.getString("profile")),
                            rs.getInt("score"),
                            finished == null ? null : finished.toInstant());
                    return null;
                })
                .list();
    }

    /** A run was stored. */
    public void stored(RunSummary run) {
        if (SCORED.contains(run.state())) {
            record(new Key(run.clientId(), run.profile()), run.score(), run.finishedAt());
        }
    }

    private void record(Key key, int score, Instant finishedAt) {
        scores.merge(key, new Scores(score, finishedAt, null), (before, first) -> before.next(score, finishedAt));
        register(key); // once per key: registering a meter again returns the one there
    }

    private void register(Key key) {
        Gauge.builder("paradise.quality.score", scores, s -> s.get(key).latest())
                .description("The client's latest quality score (0-100) for the profile")
                .tag("client", key.client())
                .tag("profile", key.profile())
                .register(meters);
        Gauge.builder("paradise.quality.score.change", scores, s -> s.get(key).change())
                .description("The latest score minus the one before it, for the client and profile")
                .tag("client", key.client())
                .tag("profile", key.profile())
                .register(meters);
    }
}
