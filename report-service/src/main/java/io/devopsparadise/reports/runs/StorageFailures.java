package io.devopsparadise.reports.runs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs that could not be stored yet: why, how often it was tried, and when to try again (the wait doubles, up to an hour). */
@Repository
public class StorageFailures {

    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;

    StorageFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StorageFailure record(String runId, String clientId, String reason, Instant at, Duration firstBackoff) {
        Optional<StorageFailure> earlier = find(runId);
        int attempts = earlier.map(StorageFailure::attempts).orElse(0) + 1;
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        Instant next = at.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        jdbc.sql("""
                        MERGE INTO storage_failures (run_id, client_id, reason, attempts, first_failed_at, last_failed_at, next_attempt_at)
                        KEY (run_id) VALUES (:run, :client, :reason, :attempts, :first, :at, :next)""")
                .param("run", runId)
                .param("client", clientId)
                .param("reason", reason)
                .param("attempts", attempts)
                .param(
                        "first",
                        Timestamp.from(
                                earlier.map(StorageFailure::firstFailedAt).orElse(at)))
                .param("at", Timestamp.from(at))
                .param("next", Timestamp.from(next))
                .update();
        return find(runId).orElseThrow();
    }

    public void clear(String runId) {
        jdbc.sql("DELETE FROM storage_failures WHERE run_id = :run")
                .param("run", runId)
                .update();
    }

    /** Whether the run may be tried now: it never failed, or its wait is over. */
    public boolean due(String runId, Instant now) {
        return find(runId).map(f -> !f.nextAttemptAt().isAfter(now)).orElse(true);
    }

    public Optional<StorageFailure> find(String runId) {
        return jdbc.sql("SELECT * FROM storage_failures WHERE run_id = :run")
                .param("run", runId)
                .query(this::failure)
                .optional();
    }

    /** Failures, newest first; of one client when clientId is not null. */
    public List<StorageFailure> list(String clientId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM storage_failures WHERE (CAST(:client AS VARCHAR) IS NULL OR client_id = :client)
                        ORDER BY last_failed_at DESC LIMIT :limit""")
                .param("client", clientId)
                .param("limit", limit)
                .query(this::failure)
                .list();
    }

    private StorageFailure failure(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StorageFailure(
                rs.getString("run_id"),
                rs.getString("client_id"),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("last_failed_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant());
    }

    /** A run the orchestrator finished that is not stored: the last reason, and when it is tried again. */
    public record StorageFailure(
            String runId,
            String clientId,
            String reason,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt,
            Instant nextAttemptAt) {}
}
