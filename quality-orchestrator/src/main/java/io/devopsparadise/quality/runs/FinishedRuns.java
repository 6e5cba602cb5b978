package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished runs on disk (H2): the whole result, compressed, until the report-service acknowledges storing it, and the
 * digest after that. Nothing finished is held in memory, and a restart loses nothing that was not yet stored.
 */
@Repository
class FinishedRuns {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FinishedRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(QualityRunResult run) {
        jdbc.sql("""
                        MERGE INTO finished_runs (id, client_id, started_at, finished_at, digest, result, acknowledged_at)
                        KEY (id) VALUES (:id, :client, :started, :finished, :digest, :result, NULL)""")
                .param("id", run.id())
                .param("client", run.clientId())
                .param("started", timestamp(run.startedAt()))
                .param("finished", timestamp(run.finishedAt()))
                .param("digest", json.writeValueAsString(RunDigests.of(run, false)))
                .param("result", compress(run))
                .update();
    }

    /** The whole result as compressed JSON, while the run is not acknowledged. */
    Optional<byte[]> compressedResult(String id) {
        return jdbc.sql("SELECT result FROM finished_runs WHERE id = :id AND result IS NOT NULL")
                .param("id", id)
                .query((rs, row) -> rs.getBytes("result"))
                .optional();
    }

    Optional<QualityRunResult> result(String id) {
        return compressedResult(id).map(this::decompress);
    }

    Optional<RunDigest> digest(String id) {
        return jdbc.sql("SELECT digest, acknowledged_at FROM finished_runs WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> digest(rs.getString("digest"), rs.getTimestamp("acknowledged_at") != null))
                .optional();
    }

    /**
     * Digests, newest first; of one client when clientId is not null. Only unacknowledged ones when pending, oldest
     * first then, so that runs waiting longest are caught up first.
     */
    List<RunDigest> digests(String clientId, boolean pending, int limit) {
        return jdbc.sql("""
                        SELECT digest, acknowledged_at FROM finished_runs
                        WHERE (CAST(:client AS VARCHAR) IS NULL OR client_id = :client) AND (:pending = FALSE OR acknowledged_at IS NULL)
                        ORDER BY CASE WHEN :pending THEN started_at END ASC, started_at DESC, id LIMIT :limit""")
                .param("client", clientId)
                .param("pending", pending)
                .param("limit", limit)
                .query((rs, row) -> digest(rs.getString("digest"), rs.getTimestamp("acknowledged_at") != null))
                .list();
    }

    /** Drops the result of a stored run; false when no such finished run exists. */
    boolean acknowledge(String id, Instant at) {
        return jdbc.sql(
                                "UPDATE finished_runs SET result = NULL, acknowledged_at = COALESCE(acknowledged_at, :at) WHERE id = :id")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    /** Forgets acknowledged runs that finished before the given time. */
    int prune(Instant before) {
        return jdbc.sql("DELETE FROM finished_runs WHERE acknowledged_at IS NOT NULL AND finished_at < :before")
                .param("before", timestamp(before))
                .update();
    }

    private RunDigest digest(String text, boolean acknowledged) {
        RunDigest digest = json.readValue(text, RunDigest.class);
        return acknowledged ? digest.acknowledged() : digest;
    }

    private byte[] compress(QualityRunResult run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            json.writeValue(zip, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress run " + run.id(), e);
        }
        return bytes.toByteArray();
    }

    private QualityRunResult decompress(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return json.readValue(in, QualityRunResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored run cannot be read back", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
