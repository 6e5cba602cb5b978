package io.devopsparadise.instances.events;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

@RestController
@Tag(name = "events", description = "Live lifecycle and health events")
class EventStreamController {

    private final InstanceEventBus bus;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    EventStreamController(InstanceEventBus bus) {
        this.bus = bus;
    }

    @Operation(summary = "Stream instance events (SSE); send Last-Event-ID to resume after a disconnect")
    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        AutoCloseable subscription = bus.subscribe(lastEventId == null ? 0 : lastEventId, event -> send(emitter, event));
        open.add(emitter);
        Runnable end = () -> {
            open.remove(emitter);
            closeQuietly(subscription);
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        return emitter;
    }

    @GetMapping(path = "/api/events/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The most recent events, oldest first")
    List<InstanceEvent> recent() {
        return bus.recent();
    }

    /** A comment line now and then lets proxies keep the stream open and lets us notice gone clients. */
    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        open.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        });
    }

    private static void send(SseEmitter emitter, InstanceEvent event) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(event.sequence())).name(event.type().name()).data(event));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // removing from a list cannot fail
        }
    }
}
