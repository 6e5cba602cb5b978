package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.events.EventBuffer;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Publishes run progress to subscribers (SSE streams) and keeps recent events for late or reconnecting ones. */
@Component
public class QualityEventBus {

    private static final int RETAINED = 2_000;

    private final Clock clock;
    private final EventBuffer<QualityEvent> buffer = new EventBuffer<>(RETAINED, QualityEvent::sequence);

    QualityEventBus(Clock clock) {
        this.clock = clock;
    }

    QualityEvent publish(
            QualityEvent.Type type,
            String runId,
            String clientId,
            String tool,
            String status,
            int tests,
            int failures,
            int findings) {
        return publish(type, runId, clientId, tool, status, tests, failures, findings, null);
    }

    QualityEvent publish(
            QualityEvent.Type type,
            String runId,
            String clientId,
            String tool,
            String status,
            int tests,
            int failures,
            int findings,
            String detail) {
        return buffer.publish(sequence -> new QualityEvent(
                sequence, type, runId, clientId, tool, status, tests, failures, findings, clock.instant(), detail));
    }

    /** Replays retained events after {@code afterSequence}, then follows live ones; close the result to stop. */
    public AutoCloseable subscribe(long afterSequence, Consumer<QualityEvent> subscriber) {
        return buffer.subscribe(afterSequence, subscriber);
    }

    EventBuffer<QualityEvent> buffer() {
        return buffer;
    }
}
