package io.devopsparadise.reports.live;

import io.devopsparadise.events.SseEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class StreamController {

    private final SseEndpoint<LiveEvent> endpoint;

    StreamController(LiveStream stream) {
        this.endpoint = new SseEndpoint<>(
                stream.buffer(), new SseEndpoint.Framing<>(LiveEvent::id, LiveEvent::type, LiveEvent::data));
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary =
                    "One live stream for the dashboard (SSE): events 'quality' (run progress), 'instance' (health), 'run-stored'."
                            + " Without Last-Event-ID it starts with live events only.")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return endpoint.open(lastEventId, Long.MAX_VALUE);
    }

    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        endpoint.keepAlive();
    }
}
