package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code instance} table. Ports are the port allocator's business and are not stored here. */
@Repository
class InstanceRepository {

    private final JdbcClient jdbc;

    InstanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates (on H2 and PostgreSQL alike: only the active manager writes, so no two race). */
    void save(Instance instance) {
        Object[] values = {
            instance.clientId(),
            instance.profile(),
            instance.engine().id(),
            instance.workspace().toString(),
            instance.handle() == null ? null : instance.handle().ref(),
            instance.state().name(),
            utc(instance.createdAt()),
            utc(instance.startedAt()),
            instance.restartCount(),
            utc(instance.lastActivity()),
            instance.limits() == null ? null : instance.limits().memoryBytes(),
            instance.limits() == null ? null : instance.limits().nanoCpus(),
            instance.limits() == null ? null : instance.limits().pids(),
            instance.id()
        };
        int updated = jdbc.sql("""
                UPDATE instance SET client_id = ?, profile = ?, engine = ?, workspace = ?, runtime_ref = ?, state = ?,
                                    created_at = ?, started_at = ?, restart_count = ?, last_activity = ?,
                                    memory_bytes = ?, nano_cpus = ?, pids = ?
                WHERE id = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO instance (client_id, profile, engine, workspace, runtime_ref, state, created_at,
                                          started_at, restart_count, last_activity, memory_bytes, nano_cpus, pids, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM instance WHERE id = ?").param(id).update();
    }

    /** Stored instances, without ports or MCP address: the caller completes them. */
    List<Instance> findAll() {
        return jdbc.sql("SELECT * FROM instance ORDER BY created_at")
                .query(InstanceRepository::map)
                .list();
    }

    private static Instance map(ResultSet rs, int row) throws SQLException {
        String ref = rs.getString("runtime_ref");
        Engine engine = Engine.of(rs.getString("engine"));
        return new Instance(
                rs.getString("id"),
                rs.getString("client_id"),
                rs.getString("profile"),
                engine,
                Path.of(rs.getString("workspace")),
                Map.of(),
                null,
                ref == null ? null : new RuntimeHandle(engine, ref),
                InstanceState.valueOf(rs.getString("state")),
                "recovered after restart",
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                rs.getInt("restart_count"),
                instant(rs, "last_activity"),
                limits(rs));
    }

    /** Null for instances stored before limits were kept (their profile's apply). */
    private static ResourceLimits limits(ResultSet rs) throws SQLException {
        long memory = rs.getLong("memory_bytes");
        return rs.wasNull() ? null : new ResourceLimits(memory, rs.getLong("nano_cpus"), rs.getLong("pids"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
