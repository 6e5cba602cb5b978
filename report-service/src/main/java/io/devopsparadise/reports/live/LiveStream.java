package io.devopsparadise.reports.live;

import io.devopsparadise.events.EventBuffer;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** The one stream the dashboard follows: relayed orchestrator and instance-manager events plus stored runs. */
@Component
public class LiveStream {

    private static final int RETAINED = 1_000;

    private final EventBuffer<LiveEvent> buffer = new EventBuffer<>(RETAINED, LiveEvent::id);

    public LiveEvent publish(String type, String data) {
        return buffer.publish(id -> new LiveEvent(id, type, data));
    }

    /** Replays retained events after {@code afterId}, then follows; close the result to stop. */
    public AutoCloseable subscribe(long afterId, Consumer<LiveEvent> subscriber) {
        return buffer.subscribe(afterId, subscriber);
    }

    EventBuffer<LiveEvent> buffer() {
        return buffer;
    }
}
