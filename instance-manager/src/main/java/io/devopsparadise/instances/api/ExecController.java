package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.lifecycle.InstanceService;
import io.devopsparadise.instances.runtime.OutputListener;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;

@RestController
@Tag(name = "exec", description = "Run a command inside a client's instance")
class ExecController {

    private final InstanceService instances;
    private final AsyncTaskExecutor executor;

    ExecController(InstanceService instances, AsyncTaskExecutor applicationTaskExecutor) {
        this.instances = instances;
        this.executor = applicationTaskExecutor;
    }

    @PostMapping(path = "/api/instances/{id}/exec", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run a command and answer when it ends, with exit code and output")
    ExecResult exec(@PathVariable String id, @RequestBody ExecRequest request) {
        return instances.exec(id, request, OutputListener.NONE);
    }

    @PostMapping(path = "/api/instances/{id}/exec", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Run a command, streaming its output as SSE events 'stdout'/'stderr', then an 'exit' event")
    SseEmitter stream(@PathVariable String id, @RequestBody ExecRequest request) {
        instances.get(id);
        SseEmitter emitter = new SseEmitter(0L);
        executor.execute(() -> run(id, request, emitter));
        return emitter;
    }

    private void run(String id, ExecRequest request, SseEmitter emitter) {
        try {
            ExecResult result = instances.exec(id, request, (stream, text) -> send(emitter, stream.name().toLowerCase(), Map.of("text", text)));
            send(emitter, "exit", Map.of("exitCode", result.exitCode(), "durationMillis", result.durationMillis(), "timedOut", result.timedOut()));
            emitter.complete();
        } catch (RuntimeException e) {
            send(emitter, "error", Map.of("message", String.valueOf(e.getMessage())));
            emitter.complete();
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // the client went away; the command still runs to its end or its timeout
        }
    }
}
