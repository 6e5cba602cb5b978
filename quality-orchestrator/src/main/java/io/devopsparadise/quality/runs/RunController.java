package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunRequest;
import io.devopsparadise.events.SseEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Quality runs inside a client's instance")
class RunController {

    private static final int MAX_LIMIT = 1000;

    private final QualityRunService runs;
    private final JsonMapper json;
    private final SseEndpoint<QualityEvent> endpoint;

    RunController(QualityRunService runs, QualityEventBus events, JsonMapper json) {
        this.runs = runs;
        this.json = json;
        this.endpoint = new SseEndpoint<>(
                events.buffer(),
                new SseEndpoint.Framing<>(QualityEvent::sequence, e -> e.type().name(), e -> e));
    }

    @PostMapping
    @Operation(
            summary =
                    "Start a run: {clientId, profile (quick|targeted|standard|comprehensive|custom), changedFiles?, changedOnly?, base?}; answers 202 at once")
    ResponseEntity<QualityRunResult> start(@RequestBody RunRequest request) {
        QualityRunResult run = runs.start(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/runs/" + run.id()))
                .body(run);
    }

    @GetMapping
    @Operation(
            summary =
                    "Digests of runs, newest first (runs in progress first): optionally of one client, or only the finished"
                            + " runs the report-service has not acknowledged (pending=true). Never whole results")
    List<RunDigest> list(
            @RequestParam(required = false) String clientId,
            @RequestParam(defaultValue = "false") boolean pending,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return runs.list(clientId, pending, limit);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "A run's whole result: its state and, as tools finish, their outcomes; complete once the state is final."
                            + " Kept until the report-service acknowledges it; use /summary for a small answer")
    ResponseEntity<StreamingResponseBody> get(@PathVariable String id) {
        Optional<byte[]> compressed = runs.compressedResult(id);
        if (compressed.isPresent()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(out -> new GZIPInputStream(new ByteArrayInputStream(compressed.get())).transferTo(out));
        }
        QualityRunResult run = runs.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, run));
    }

    @GetMapping("/{id}/summary")
    @Operation(
            summary =
                    "A run's digest: state, verdict, counts per tool, the first failures and the most severe findings")
    RunDigest summary(@PathVariable String id) {
        return runs.digest(id);
    }

    @PostMapping("/{id}/acknowledgement")
    @Operation(summary = "The report-service stored the run: its whole result is dropped here, its digest stays")
    RunDigest acknowledge(@PathVariable String id) {
        return runs.acknowledge(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a run")
    RunDigest cancel(@PathVariable String id) {
        return runs.cancel(id);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary =
                    "Live progress of every run (SSE): RUN_STARTED, TOOL_STARTED, TOOL_FINISHED with counts, RUN_FINISHED")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return endpoint.open(lastEventId, 0);
    }

    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        endpoint.keepAlive();
    }
}
