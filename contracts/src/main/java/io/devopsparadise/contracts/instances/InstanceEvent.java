package io.devopsparadise.contracts.instances;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an instance: published on the instance-manager's event stream.
 *
 * @param sequence increasing number, usable as an SSE event id
 * @param from     the state before, null when the event is not a transition
 * @param to       the state after, null when the instance is gone
 */
public record InstanceEvent(
        long sequence,
        Type type,
        String instanceId,
        String clientId,
        InstanceState from,
        InstanceState to,
        String message,
        Instant timestamp) {

    public enum Type {
        PROVISIONED,
        STATE_CHANGED,
        RESTARTED,
        FAILED,
        ADOPTED,
        DELETED,
        REAPED
    }

    public InstanceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
