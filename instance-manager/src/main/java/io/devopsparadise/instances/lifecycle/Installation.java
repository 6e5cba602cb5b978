package io.devopsparadise.instances.lifecycle;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Identifies this manager's data directory. Containers carry it as a label, so that two managers sharing one
 * Docker engine (a developer's and a test's, say) never reconcile away each other's containers.
 */
@Component
public class Installation {

    private final String id;

    Installation(JdbcClient jdbc, Clock clock) {
        this.id = jdbc.sql("SELECT id FROM installation")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    String created = UUID.randomUUID().toString();
                    jdbc.sql("INSERT INTO installation (id, created_at) VALUES (?, ?)")
                            .params(created, clock.instant().atOffset(ZoneOffset.UTC))
                            .update();
                    return created;
                });
    }

    public String id() {
        return id;
    }
}
