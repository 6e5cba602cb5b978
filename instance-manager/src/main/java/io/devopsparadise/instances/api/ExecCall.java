package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.lifecycle.InstanceService.PreparedExec;
import io.devopsparadise.instances.runtime.OutputListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.core.task.TaskExecutor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One exec request in flight. The command runs off the request thread while the connection is probed every
 * second; a servlet container notices a caller that went away only when it writes, so the probe writes
 * (whitespace, or an SSE comment). Once a write fails, the command is cancelled: its thread is interrupted and
 * the engine kills what it runs.
 */
final class ExecCall {

    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    private static final ScheduledExecutorService PROBES = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "exec-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** What an exec answer writes: the probe, the output as it comes, and the end. */
    interface Answer {
        void probe() throws IOException;

        void output(OutputListener.Stream stream, String text) throws IOException;

        void finished(ExecResult result) throws IOException;

        void failed(Throwable error);

        /** The command was cancelled (its caller left, or cancelled it by its id): the answer ends without a result. */
        void cancelled();
    }

    private final FutureTask<ExecResult> task;
    private final Answer answer;
    private final ResponseBodyEmitter emitter;
    private final Consumer<ExecCall> onEnd;
    private volatile ScheduledFuture<?> probe;

    private ExecCall(PreparedExec exec, Answer answer, ResponseBodyEmitter emitter, Consumer<ExecCall> onEnd) {
        this.answer = answer;
        this.emitter = emitter;
        this.onEnd = onEnd;
        this.task = new FutureTask<>(() -> exec.run(this::output)) {
            @Override
            protected void done() {
                finish(this);
            }
        };
    }

    /** A call ready to start; {@code onEnd} runs once its command has ended, however it ended. */
    static ExecCall of(PreparedExec exec, Answer answer, ResponseBodyEmitter emitter, Consumer<ExecCall> onEnd) {
        return new ExecCall(exec, answer, emitter, onEnd);
    }

    /** Starts the command; the answer hears of its output and its end, unless the caller left first. */
    void start(TaskExecutor executor) {
        emitter.onError(error -> cancel());
        emitter.onTimeout(this::cancel);
        probe = PROBES.scheduleWithFixedDelay(
                this::probe, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException full) {
            task.cancel(false);
            throw full;
        }
        if (task.isDone()) {
            // cancelled before it started: its end ran before there was a probe to stop
            probe.cancel(false);
        }
    }

    private void probe() {
        try {
            answer.probe();
        } catch (IOException | IllegalStateException e) {
            cancel();
        }
    }

    private void output(OutputListener.Stream stream, String text) {
        try {
            answer.output(stream, text);
        } catch (IOException | IllegalStateException e) {
            cancel();
        }
    }

    /** Kills the command (interrupting its thread); the answer then ends without a result. */
    void cancel() {
        task.cancel(true);
    }

    /** The caller is gone: nobody to tell, but the request must end. */
    private void completeQuietly() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // already completed
        }
    }

    private void finish(FutureTask<ExecResult> done) {
        ScheduledFuture<?> scheduled = probe;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        onEnd.accept(this);
        try {
            answer.finished(done.get());
        } catch (CancellationException e) {
            answer.cancelled();
        } catch (IOException e) {
            completeQuietly();
        } catch (IllegalStateException e) {
            // the answer was already completed
        } catch (ExecutionException e) {
            answer.failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
