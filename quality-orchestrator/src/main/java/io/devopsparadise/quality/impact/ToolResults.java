package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.ToolOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The last complete, passing result of each tool per workspace, with the key of everything it read (H2). */
@Repository
class ToolResults {

    private static final int MAX_OUTCOME_BYTES = 128 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ToolResults(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored outcome and its run, when it was stored under the same input key. */
    Optional<Stored> find(String workspace, String tool, String inputKey) {
        return jdbc.sql("SELECT run_id, outcome FROM tool_results WHERE workspace = :workspace AND tool = :tool AND input_key = :key")
                .param("workspace", workspace).param("tool", tool).param("key", inputKey)
                .query((rs, row) -> new Stored(rs.getString("run_id"), read(rs.getBytes("outcome")))).optional();
    }

    void save(String workspace, String inputKey, String runId, ToolOutcome outcome, Instant at) {
        jdbc.sql("""
                        MERGE INTO tool_results (workspace, tool, input_key, run_id, stored_at, outcome)
                        KEY (workspace, tool) VALUES (:workspace, :tool, :key, :run, :at, :outcome)""")
                .param("workspace", workspace).param("tool", outcome.tool()).param("key", inputKey).param("run", runId)
                .param("at", Timestamp.from(at)).param("outcome", write(outcome)).update();
    }

    record Stored(String runId, ToolOutcome outcome) {
    }

    private byte[] write(ToolOutcome outcome) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            json.writeValue(gzip, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private ToolOutcome read(byte[] compressed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return json.readValue(gzip.readNBytes(MAX_OUTCOME_BYTES), ToolOutcome.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
