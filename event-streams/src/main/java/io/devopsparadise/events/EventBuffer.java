package io.devopsparadise.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Events numbered in order, delivered to subscribers as they are published, the most recent kept so that a late or
 * reconnecting subscriber can catch up from the last id it saw. A subscriber that throws is dropped.
 */
public final class EventBuffer<E> {

    private final int retained;
    private final ToLongFunction<E> idOf;
    private final Deque<E> recent = new ArrayDeque<>();
    private final List<Consumer<E>> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    public EventBuffer(int retained, ToLongFunction<E> idOf) {
        this.retained = retained;
        this.idOf = idOf;
    }

    /** Makes the next event from its id, keeps it, and hands it to every subscriber. */
    public E publish(LongFunction<E> create) {
        E event;
        synchronized (this) {
            event = create.apply(++sequence);
            recent.addLast(event);
            if (recent.size() > retained) {
                recent.removeFirst();
            }
        }
        subscribers.forEach(subscriber -> {
            try {
                subscriber.accept(event);
            } catch (RuntimeException gone) {
                subscribers.remove(subscriber);
            }
        });
        return event;
    }

    /** Replays the kept events after {@code afterId}, then follows new ones; close the result to stop. */
    public synchronized AutoCloseable subscribe(long afterId, Consumer<E> subscriber) {
        recent.stream().filter(e -> idOf.applyAsLong(e) > afterId).forEach(subscriber);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public synchronized List<E> recent() {
        return List.copyOf(recent);
    }
}
