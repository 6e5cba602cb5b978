package io.devopsparadise.instances.events;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.events.SseEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "events", description = "Live lifecycle and health events")
class EventStreamController {

    private final InstanceEventBus bus;
    private final SseEndpoint<InstanceEvent> endpoint;

    EventStreamController(InstanceEventBus bus) {
        this.bus = bus;
        this.endpoint = new SseEndpoint<>(
                bus.buffer(),
                new SseEndpoint.Framing<>(InstanceEvent::sequence, e -> e.type().name(), e -> e));
    }

    @Operation(summary = "Stream instance events (SSE); send Last-Event-ID to resume after a disconnect")
    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return endpoint.open(lastEventId, 0);
    }

    @GetMapping(path = "/api/events/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The most recent events, oldest first")
    List<InstanceEvent> recent() {
        return bus.recent();
    }

    /** A comment line now and then lets proxies keep the stream open and lets us notice gone clients. */
    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        endpoint.keepAlive();
    }
}
