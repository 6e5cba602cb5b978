package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.scheduling.annotation.Scheduled;
import io.devopsparadise.events.SseEndpoint;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Quality runs inside a client's instance")
class RunController {

    private final QualityRunService runs;
    private final SseEndpoint<QualityEvent> endpoint;

    RunController(QualityRunService runs, QualityEventBus events) {
        this.runs = runs;
        this.endpoint = new SseEndpoint<>(events.buffer(), new SseEndpoint.Framing<>(QualityEvent::sequence, e -> e.type().name(), e -> e));
    }

    @PostMapping
    @Operation(summary = "Start a run: {clientId, profile (quick|standard|comprehensive|custom), changedFiles?}; answers 202 at once")
    ResponseEntity<QualityRunResult> start(@RequestBody RunRequest request) {
        QualityRunResult run = runs.start(request);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(run);
    }

    @GetMapping
    @Operation(summary = "Runs, optionally of one client")
    List<QualityRunResult> list(@RequestParam(required = false) String clientId) {
        return runs.list(clientId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run's state and, as tools finish, their outcomes; complete once the state is final")
    QualityRunResult get(@PathVariable String id) {
        return runs.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a run")
    QualityRunResult cancel(@PathVariable String id) {
        return runs.cancel(id);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live progress of every run (SSE): RUN_STARTED, TOOL_STARTED, TOOL_FINISHED with counts, RUN_FINISHED")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return endpoint.open(lastEventId, 0);
    }

    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        endpoint.keepAlive();
    }
}
