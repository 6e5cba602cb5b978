package io.devopsparadise.instances.events;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.events.EventBuffer;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes lifecycle and health events to subscribers (the SSE stream, metrics, tests) and keeps the most
 * recent ones so that a reconnecting subscriber can catch up from its last event id.
 */
@Component
public class InstanceEventBus {

    private static final Logger log = LoggerFactory.getLogger(InstanceEventBus.class);
    private static final int RETAINED = 1_000;

    private final Clock clock;
    private final EventBuffer<InstanceEvent> buffer = new EventBuffer<>(RETAINED, InstanceEvent::sequence);

    public InstanceEventBus(Clock clock) {
        this.clock = clock;
    }

    public InstanceEvent publish(
            InstanceEvent.Type type,
            String instanceId,
            String clientId,
            InstanceState from,
            InstanceState to,
            String message) {
        InstanceEvent event = buffer.publish(sequence ->
                new InstanceEvent(sequence, type, instanceId, clientId, from, to, message, clock.instant()));
        log.info(
                "instance event type={} instance={} client={} from={} to={} message=\"{}\"",
                type,
                instanceId,
                clientId,
                from,
                to,
                message);
        return event;
    }

    /**
     * Registers a subscriber after handing it every retained event newer than {@code afterSequence}.
     *
     * @return closing it ends the subscription
     */
    public AutoCloseable subscribe(long afterSequence, Consumer<InstanceEvent> subscriber) {
        return buffer.subscribe(afterSequence, subscriber);
    }

    public List<InstanceEvent> recent() {
        return buffer.recent();
    }

    EventBuffer<InstanceEvent> buffer() {
        return buffer;
    }
}
