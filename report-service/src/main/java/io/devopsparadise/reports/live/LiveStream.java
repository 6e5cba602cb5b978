package io.devopsparadise.reports.live;

import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The one stream the dashboard follows: relayed orchestrator and instance-manager events plus stored runs. */
@Component
public class LiveStream {

    private static final int RETAINED = 1_000;

    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final List<Consumer<LiveEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    public LiveEvent publish(String type, String data) {
        LiveEvent event;
        synchronized (this) {
            event = new LiveEvent(++sequence, type, data);
            recent.addLast(event);
            if (recent.size() > RETAINED) {
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

    /** Replays retained events after {@code afterId}, then follows; close the result to stop. */
    public synchronized AutoCloseable subscribe(long afterId, Consumer<LiveEvent> subscriber) {
        recent.stream().filter(e -> e.id() > afterId).forEach(subscriber);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
