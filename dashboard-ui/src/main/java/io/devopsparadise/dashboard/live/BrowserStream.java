package io.devopsparadise.dashboard.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's live stream. Events wait in a bounded backlog that the stream's own thread writes out, so a browser
 * that stops reading holds up no other browser and not the relay. A browser that falls a whole backlog behind while
 * it still reads (a burst of events) gets one {@code resync} event in place of the backlog: events only tell a page
 * what to fetch again, so one that says "fetch everything" loses nothing. A browser whose write has been blocked longer
 * than {@code stuckAfter} has stopped reading, and its stream ends at its next overflow.
 */
final class BrowserStream {

    static final int BACKLOG = 256;

    private final SseEmitter emitter;
    private final String session;
    private final long stuckAfterNanos;
    private final BlockingQueue<SseEmitter.SseEventBuilder> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final Consumer<BrowserStream> onEnd;
    private volatile boolean ended;
    /** When the write in progress began (System.nanoTime()), or 0 while the writer waits for events. */
    private volatile long writingSince;

    /** @param onEnd run once, when the stream ends: it gets no more events from then on */
    BrowserStream(SseEmitter emitter, String session, Duration stuckAfter, Consumer<BrowserStream> onEnd) {
        this.emitter = emitter;
        this.session = session;
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onTimeout(this::end);
        emitter.onError(error -> end());
    }

    String session() {
        return session;
    }

    /** Queues an event without waiting. */
    void offer(SseEmitter.SseEventBuilder event) {
        if (ended || backlog.offer(event)) {
            return;
        }
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > stuckAfterNanos) {
            end();
            return;
        }
        backlog.clear();
        backlog.offer(SseEmitter.event().name("resync").data("{}", MediaType.APPLICATION_JSON));
    }

    /** The stream's thread: writes the backlog out until the stream ends. */
    void writeUntilEnded() {
        try {
            while (!ended) {
                SseEmitter.SseEventBuilder event = backlog.poll(1, TimeUnit.SECONDS);
                if (event != null && !ended) {
                    writingSince = System.nanoTime();
                    emitter.send(event);
                    writingSince = 0;
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
