package io.devopsparadise.dashboard.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's live stream. Events wait in a bounded backlog that the stream's own thread writes out, so a browser
 * that stops reading holds up no other browser and not the relay; one that falls a whole backlog behind is closed (a
 * browser's EventSource then opens a new stream). The thread ends with the stream, once a write blocked by a browser
 * that stopped reading has failed too.
 */
final class BrowserStream {

    static final int BACKLOG = 256;

    private final SseEmitter emitter;
    private final String session;
    private final BlockingQueue<SseEmitter.SseEventBuilder> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final Consumer<BrowserStream> onEnd;
    private volatile boolean ended;

    /** @param onEnd run once, when the stream ends: it gets no more events from then on */
    BrowserStream(SseEmitter emitter, String session, Consumer<BrowserStream> onEnd) {
        this.emitter = emitter;
        this.session = session;
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onTimeout(this::end);
        emitter.onError(error -> end());
    }

    String session() {
        return session;
    }

    /** Queues an event without waiting: a browser whose backlog is full has stopped reading, and its stream ends. */
    void offer(SseEmitter.SseEventBuilder event) {
        if (!ended && !backlog.offer(event)) {
            end();
        }
    }

    /** The stream's thread: writes the backlog out until the stream ends. */
    void writeUntilEnded() {
        try {
            while (!ended) {
                SseEmitter.SseEventBuilder event = backlog.poll(1, TimeUnit.SECONDS);
                if (event != null && !ended) {
                    emitter.send(event);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            // the browser left
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        backlog.clear();
        onEnd.accept(this);
    }
}
