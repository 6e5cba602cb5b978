package io.devopsparadise.gateway.clients;

import java.time.Instant;
import java.util.Objects;

/** A registered MCP client: who it is, which workspace it works on, and how its instance is made. */
public record Client(
        String id,
        String name,
        String workspace,
        String backendProfile,
        String qualityProfile,
        Instant createdAt,
        Instant tokenRotatedAt,
        InstanceLimits limits) {

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workspace, "workspace");
    }
}
