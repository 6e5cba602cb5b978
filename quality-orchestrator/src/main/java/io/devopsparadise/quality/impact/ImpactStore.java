package io.devopsparadise.quality.impact;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Impact maps on disk (H2), compressed, per workspace, test tool and commit; the newest few per workspace and tool
 * are kept.
 */
@Repository
class ImpactStore {

    static final int KEPT_PER_WORKSPACE = 10;
    private static final int MAX_MAP_BYTES = 256 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final CompressedJson json;

    ImpactStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = new CompressedJson(json, MAX_MAP_BYTES);
    }

    /** The map of HEAD's commit if there is one, else the newest. */
    Optional<ImpactMap> find(String workspace, String tool, String head) {
        return jdbc.sql("""
                        SELECT map FROM impact_maps WHERE workspace = :workspace AND tool = :tool
                        ORDER BY CASE WHEN git_commit = :head THEN 0 ELSE 1 END, updated_at DESC LIMIT 1""")
                .param("workspace", workspace)
                .param("tool", tool)
                .param("head", head == null ? "" : head)
                .query((rs, row) -> rs.getBytes("map"))
                .optional()
                .map(bytes -> json.read(bytes, ImpactMap.class));
    }

    void save(String workspace, String tool, ImpactMap map) {
        jdbc.sql("""
                        MERGE INTO impact_maps (workspace, tool, git_commit, updated_at, map)
                        KEY (workspace, tool, git_commit) VALUES (:workspace, :tool, :commit, :at, :map)""")
                .param("workspace", workspace)
                .param("tool", tool)
                .param("commit", map.commit() == null ? "" : map.commit())
                .param("at", Timestamp.from(map.updatedAt()))
                .param("map", json.write(map))
                .update();
        jdbc.sql("""
                        DELETE FROM impact_maps WHERE workspace = :workspace AND tool = :tool AND git_commit NOT IN (
                          SELECT git_commit FROM impact_maps WHERE workspace = :workspace AND tool = :tool
                          ORDER BY updated_at DESC LIMIT :kept)""")
                .param("workspace", workspace)
                .param("tool", tool)
                .param("kept", KEPT_PER_WORKSPACE)
                .update();
    }
}
