package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.OutputTail;
import io.devopsparadise.instances.runtime.ProcessTree;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command run inside a container through the engine's exec API. Docker offers no call to stop an exec, so a
 * command that outlives its timeout, or whose caller gave up (the waiting thread is interrupted), is killed with
 * everything it started through its process id, which the engine reports in the host's process namespace.
 */
final class DockerExec {

    private static final Logger log = LoggerFactory.getLogger(DockerExec.class);

    private static final int TAIL = 1 << 20;

    private final DockerClient docker;

    DockerExec(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(
            String containerId,
            List<String> command,
            String workdir,
            java.util.Map<String, String> env,
            Duration timeout,
            OutputListener listener) {
        long started = System.nanoTime();
        String execId = docker.execCreateCmd(containerId)
                .withCmd(command.toArray(String[]::new))
                .withWorkingDir(workdir)
                .withEnv(env.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList())
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        OutputTail stdout = new OutputTail(TAIL);
        OutputTail stderr = new OutputTail(TAIL);
        try (var callback = docker.execStartCmd(execId).exec(new FrameCallback(listener, stdout, stderr))) {
            boolean finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (!finished) {
                kill(execId);
                return new ExecResult(-1, stdout.toString(), stderr.toString(), millis, true);
            }
            Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(
                    exitCode == null ? -1 : exitCode.intValue(), stdout.toString(), stderr.toString(), millis, false);
        } catch (InterruptedException e) {
            kill(execId);
            Thread.currentThread().interrupt();
            return new ExecResult(-1, stdout.toString(), stderr.toString(), 0, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void kill(String execId) {
        var exec = docker.inspectExecCmd(execId).exec();
        if (!Boolean.TRUE.equals(exec.isRunning())) {
            return; // ended meanwhile: its pid may already belong to another process
        }
        Long pid = exec.getPidLong();
        Optional<ProcessHandle> process = pid == null || pid <= 0
                ? Optional.empty()
                : ProcessHandle.of(pid).filter(candidate -> runs(candidate, exec.getProcessConfig()));
        if (process.isPresent()) {
            ProcessTree.stop(process.get());
        } else {
            log.warn(
                    "exec {} (pid {}) outlived its caller, but its process is not visible from here (a remote engine, or"
                            + " a manager in a container without pid: host); the container's own limits bound it",
                    execId,
                    pid);
        }
    }

    /**
     * Whether the process we see under the engine's pid runs the exec's command: a manager in another pid
     * namespace could otherwise see an unrelated process under the same number.
     */
    private static boolean runs(ProcessHandle candidate, InspectExecResponse.ProcessConfig config) {
        List<String> expected = config == null || config.getArguments() == null ? List.of() : config.getArguments();
        return candidate
                .info()
                .arguments()
                .map(arguments -> List.of(arguments).equals(expected))
                .orElse(expected.isEmpty());
    }

    private static final class FrameCallback extends ResultCallback.Adapter<Frame> {

        private final OutputListener listener;
        private final OutputTail stdout;
        private final OutputTail stderr;

        FrameCallback(OutputListener listener, OutputTail stdout, OutputTail stderr) {
            this.listener = listener;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            boolean isErr = frame.getStreamType() == StreamType.STDERR;
            (isErr ? stderr : stdout).append(text);
            listener.onOutput(isErr ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT, text);
        }
    }
}
