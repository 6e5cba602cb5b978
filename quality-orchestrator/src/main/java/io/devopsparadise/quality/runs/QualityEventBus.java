package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Publishes run progress to subscribers (SSE streams) and keeps recent events for late or reconnecting ones. */
@Component
public class QualityEventBus {

    private static final int RETAINED = 2_000;

    private final Clock clock;
    private final Deque<QualityEvent> recent = new ArrayDeque<>();
    private final List<Consumer<QualityEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    QualityEventBus(Clock clock) {
        this.clock = clock;
    }

    QualityEvent publish(QualityEvent.Type type, String runId, String clientId, String tool, String status, int tests, int failures, int findings) {
        QualityEvent event;
        synchronized (this) {
            event = new QualityEvent(++sequence, type, runId, clientId, tool, status, tests, failures, findings, clock.instant());
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

    /** Replays retained events after {@code afterSequence}, then follows live ones; close the result to stop. */
    public synchronized AutoCloseable subscribe(long afterSequence, Consumer<QualityEvent> subscriber) {
        recent.stream().filter(e -> e.sequence() > afterSequence).forEach(subscriber);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
