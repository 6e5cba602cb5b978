package io.devopsparadise.reports.live;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;

@RestController
class StreamController {

    private final LiveStream stream;

    StreamController(LiveStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "One live stream for the dashboard (SSE): events 'quality' (run progress), 'instance' (health), 'run-stored'."
            + " Without Last-Event-ID it starts with live events only.")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        AutoCloseable subscription = stream.subscribe(lastEventId == null ? Long.MAX_VALUE : lastEventId, event -> send(emitter, event));
        Runnable end = () -> {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing left to release
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, LiveEvent event) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type()).data(event.data(), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
