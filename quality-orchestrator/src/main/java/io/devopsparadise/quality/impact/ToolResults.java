package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.ToolOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The last complete, passing result of each tool per workspace, with the key of everything it read (H2). */
@Repository
class ToolResults {

    private static final int MAX_OUTCOME_BYTES = 128 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final CompressedJson json;

    ToolResults(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = new CompressedJson(json, MAX_OUTCOME_BYTES);
    }

    /** The stored outcome and its run, when it was stored under the same input key. */
    Optional<Stored> find(String workspace, String tool, String inputKey) {
        return jdbc.sql(
                        "SELECT run_id, outcome FROM tool_results WHERE workspace = :workspace AND tool = :tool AND input_key = :key")
                .param("workspace", workspace)
                .param("tool", tool)
                .param("key", inputKey)
                .query((rs, row) ->
                        new Stored(rs.getString("run_id"), json.read(rs.getBytes("outcome"), ToolOutcome.class)))
                .optional();
    }

    void save(String workspace, String inputKey, String runId, ToolOutcome outcome, Instant at) {
        jdbc.sql("""
                        MERGE INTO tool_results (workspace, tool, input_key, run_id, stored_at, outcome)
                        KEY (workspace, tool) VALUES (:workspace, :tool, :key, :run, :at, :outcome)""")
                .param("workspace", workspace)
                .param("tool", outcome.tool())
                .param("key", inputKey)
                .param("run", runId)
                .param("at", Timestamp.from(at))
                .param("outcome", json.write(outcome))
                .update();
    }

    record Stored(String runId, ToolOutcome outcome) {}
}
