package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.lifecycle.InstanceService;
import io.devopsparadise.instances.runtime.OutputListener;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;

/**
 * Runs commands inside instances. A caller that closes its connection cancels its command: the command is
 * killed, with everything it started, within about two seconds.
 */
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
    @Operation(summary = "Run a command and answer when it ends, with exit code and output",
            description = "The answer may start with whitespace, written while the command runs; closing the connection kills the command")
    ResponseEntity<ResponseBodyEmitter> exec(@PathVariable String id, @RequestBody ExecRequest request) {
        var prepared = instances.prepareExec(id, request);
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        ExecCall.start(prepared, new JsonAnswer(emitter), emitter, executor);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
    }

    @PostMapping(path = "/api/instances/{id}/exec", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Run a command, streaming its output as SSE events 'stdout'/'stderr', then an 'exit' event",
            description = "Closing the stream kills the command")
    SseEmitter stream(@PathVariable String id, @RequestBody ExecRequest request) {
        var prepared = instances.prepareExec(id, request);
        SseEmitter emitter = new SseEmitter(0L);
        ExecCall.start(prepared, new SseAnswer(emitter), emitter, executor);
        return emitter;
    }

    /** One JSON document, preceded by whitespace written while the command runs. */
    private record JsonAnswer(ResponseBodyEmitter emitter) implements ExecCall.Answer {

        @Override
        public void probe() throws IOException {
            emitter.send(" ", MediaType.APPLICATION_JSON);
        }

        @Override
        public void output(OutputListener.Stream stream, String text) {
            // the result carries the output's tail
        }

        @Override
        public void finished(ExecResult result) throws IOException {
            emitter.send(result, MediaType.APPLICATION_JSON);
            emitter.complete();
        }

        @Override
        public void failed(Throwable error) {
            emitter.completeWithError(error);
        }
    }

    private record SseAnswer(SseEmitter emitter) implements ExecCall.Answer {

        @Override
        public void probe() throws IOException {
            emitter.send(SseEmitter.event().comment("running"));
        }

        @Override
        public void output(OutputListener.Stream stream, String text) throws IOException {
            send(stream.name().toLowerCase(), Map.of("text", text));
        }

        @Override
        public void finished(ExecResult result) throws IOException {
            send("exit", Map.of("exitCode", result.exitCode(), "durationMillis", result.durationMillis(), "timedOut", result.timedOut()));
            emitter.complete();
        }

        @Override
        public void failed(Throwable error) {
            try {
                send("error", Map.of("message", String.valueOf(error.getMessage())));
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                // the caller is gone
            }
        }

        private void send(String name, Object data) throws IOException {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }
}
