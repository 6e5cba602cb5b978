package io.devopsparadise.instances.events;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Publishes lifecycle and health events to subscribers (the SSE stream, metrics, tests) and keeps the most
 * recent ones so that a reconnecting subscriber can catch up from its last event id.
 */
@Component
public class InstanceEventBus {

    private static final Logger log = LoggerFactory.getLogger(InstanceEventBus.class);
    private static final int RETAINED = 1_000;

    private final Clock clock;
    private final Deque<InstanceEvent> recent = new ArrayDeque<>();
    private final List<Consumer<InstanceEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    public InstanceEventBus(Clock clock) {
        this.clock = clock;
    }

    public InstanceEvent publish(InstanceEvent.Type type, String instanceId, String clientId,
                                 InstanceState from, InstanceState to, String message) {
        InstanceEvent event;
        synchronized (this) {
            event = new InstanceEvent(++sequence, type, instanceId, clientId, from, to, message, clock.instant());
            recent.addLast(event);
            if (recent.size() > RETAINED) {
                recent.removeFirst();
            }
        }
        log.info("instance event type={} instance={} client={} from={} to={} message=\"{}\"", type, instanceId, clientId, from, to, message);
        subscribers.forEach(subscriber -> deliver(subscriber, event));
        return event;
    }

    /**
     * Registers a subscriber after handing it every retained event newer than {@code afterSequence}.
     *
     * @return closing it ends the subscription
     */
    public synchronized AutoCloseable subscribe(long afterSequence, Consumer<InstanceEvent> subscriber) {
        recent.stream().filter(e -> e.sequence() > afterSequence).forEach(subscriber);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public synchronized List<InstanceEvent> recent() {
        return List.copyOf(recent);
    }

    private void deliver(Consumer<InstanceEvent> subscriber, InstanceEvent event) {
        try {
            subscriber.accept(event);
        } catch (RuntimeException e) {
            subscribers.remove(subscriber);
        }
    }
}
