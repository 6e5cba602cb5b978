package io.devopsparadise.gateway.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code client} table. Blocking: callers run it off the event loop. */
@Repository
class ClientRepository {

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Client client, String tokenHash) {
        jdbc.sql("""
                INSERT INTO client (id, name, workspace, backend_profile, quality_profile, token_hash, created_at, token_rotated_at,
                                    memory_limit, cpu_limit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        client.id(),
                        client.name(),
                        client.workspace(),
                        client.backendProfile(),
                        client.qualityProfile(),
                        tokenHash,
                        utc(client.createdAt()),
                        utc(client.tokenRotatedAt()),
                        client.limits() == null ? null : client.limits().memory(),
                        client.limits() == null ? null : client.limits().cpus())
                .update();
    }

    /** @return the rows changed: 0 when the client is gone */
    int updateToken(String id, String tokenHash, Instant rotatedAt) {
        return jdbc.sql("UPDATE client SET token_hash = ?, token_rotated_at = ? WHERE id = ?")
                .params(tokenHash, utc(rotatedAt), id)
                .update();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM client WHERE id = ?").param(id).update();
    }

    List<StoredClient> findAll() {
        return jdbc.sql("SELECT * FROM client ORDER BY created_at")
                .query(ClientRepository::map)
                .list();
    }

    record StoredClient(Client client, String tokenHash) {}

    private static StoredClient map(ResultSet rs, int row) throws SQLException {
        return new StoredClient(
                new Client(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("workspace"),
                        rs.getString("backend_profile"),
                        rs.getString("quality_profile"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("token_rotated_at", OffsetDateTime.class).toInstant(),
                        InstanceLimits.of(rs.getString("memory_limit"), rs.getObject("cpu_limit", Double.class))),
                rs.getString("token_hash"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
