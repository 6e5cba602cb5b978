package io.devopsparadise.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Serves an {@link EventBuffer} as server-sent events (Spring MVC): each stream replays what came after its
 * Last-Event-ID, then follows; every event carries its id and name. Call {@link #keepAlive()} now and then: a
 * comment line keeps proxies from closing quiet streams and shows which browsers have gone.
 */
public final class SseEndpoint<E> {

    /** How one event is written: its id, its name and its data. */
    public record Framing<E>(Function<E, Long> id, Function<E, String> name, Function<E, Object> data) {}

    private final EventBuffer<E> buffer;
    private final Framing<E> framing;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    public SseEndpoint(EventBuffer<E> buffer, Framing<E> framing) {
        this.buffer = buffer;
        this.framing = framing;
    }

    /**
     * @param lastEventId the client's Last-Event-ID, or null
     * @param firstTime   where a client without Last-Event-ID starts: 0 replays all kept events, Long.MAX_VALUE none
     */
    public SseEmitter open(Long lastEventId, long firstTime) {
        SseEmitter emitter = new SseEmitter(0L);
        AutoCloseable subscription =
                buffer.subscribe(lastEventId == null ? firstTime : lastEventId, event -> send(emitter, event));
        open.add(emitter);
        Runnable end = () -> {
            open.remove(emitter);
            try {
                subscription.close();
            } catch (Exception cannotFail) {
                // removing a subscriber cannot fail
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        return emitter;
    }

    public void keepAlive() {
        open.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        });
    }

    private void send(SseEmitter emitter, E event) {
        try {
            Object data = framing.data().apply(event);
            SseEmitter.SseEventBuilder frame = SseEmitter.event()
                    .id(Long.toString(framing.id().apply(event)))
                    .name(framing.name().apply(event));
            emitter.send(data instanceof String text ? frame.data(text, MediaType.APPLICATION_JSON) : frame.data(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
