package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.lifecycle.InstanceService;
import io.devopsparadise.instances.runtime.OutputListener;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs commands inside instances. A caller that closes its connection cancels its command: the command is
 * killed, with everything it started, within about two seconds.
 */
@RestController
@Tag(name = "exec", description = "Run a command inside a client's instance")
class ExecController {

    private final InstanceService instances;
    private final AsyncTaskExecutor executor;
    private final RunningExecs execs;

    ExecController(InstanceService instances, AsyncTaskExecutor applicationTaskExecutor, RunningExecs execs) {
        this.instances = instances;
        this.executor = applicationTaskExecutor;
        this.execs = execs;
    }

    @PostMapping(path = "/api/instances/{id}/exec", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Run a command and answer when it ends, with exit code and output",
            description =
                    "The answer may start with whitespace, written while the command runs; closing the connection kills the command")
    ResponseEntity<ResponseBodyEmitter> exec(
            @PathVariable String id,
            @RequestHeader(name = RunningExecs.HEADER, required = false) String execId,
            @RequestBody ExecRequest request) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        start(id, execId, request, new JsonAnswer(emitter), emitter);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
    }

    @PostMapping(path = "/api/instances/{id}/exec", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Run a command, streaming its output as SSE events 'stdout'/'stderr', then an 'exit' event",
            description = "Closing the stream kills the command")
    SseEmitter stream(
            @PathVariable String id,
            @RequestHeader(name = RunningExecs.HEADER, required = false) String execId,
            @RequestBody ExecRequest request) {
        SseEmitter emitter = new SseEmitter(0L);
        start(id, execId, request, new SseAnswer(emitter), emitter);
        return emitter;
    }

    @DeleteMapping("/api/instances/{id}/execs/{execId}")
    @Operation(
            summary =
                    "Cancel the exec its caller named with the Paradise-Exec-Id header: its command is killed, its answer ends"
                            + " without a result. A cancel that arrives before its exec makes the manager refuse that exec (409)")
    ResponseEntity<Void> cancel(@PathVariable String id, @PathVariable String execId) {
        RunningExecs.check(execId);
        instances.get(id);
        execs.cancel(id, execId);
        return ResponseEntity.noContent().build();
    }

    /** Checks the request, then starts its command; a named exec can be cancelled by its id until it ends. */
    private void start(
            String id, String execId, ExecRequest request, ExecCall.Answer answer, ResponseBodyEmitter emitter) {
        if (execId != null) {
            RunningExecs.check(execId);
        }
        var prepared = instances.prepareExec(id, request);
        if (execId == null) {
            ExecCall.of(prepared, answer, emitter, ended -> {}).start(executor);
            return;
        }
        ExecCall call = ExecCall.of(prepared, answer, emitter, ended -> execs.finished(id, execId, ended));
        if (!execs.register(id, execId, call)) {
            throw new ExecCancelledException("exec " + execId + " was cancelled before it arrived; it does not run");
        }
        call.start(executor);
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

        @Override
        public void cancelled() {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyCompleted) {
                // the caller is gone
            }
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
            send(
                    "exit",
                    Map.of(
                            "exitCode",
                            result.exitCode(),
                            "durationMillis",
                            result.durationMillis(),
                            "timedOut",
                            result.timedOut()));
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

        @Override
        public void cancelled() {
            failed(new IllegalStateException("the exec was cancelled"));
        }

        private void send(String name, Object data) throws IOException {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }
}
