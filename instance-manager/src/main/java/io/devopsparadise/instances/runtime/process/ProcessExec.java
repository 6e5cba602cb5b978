package io.devopsparadise.instances.runtime.process;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.OutputTail;
import io.devopsparadise.instances.runtime.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One command run as a local process, its two output streams pumped to a listener as they come. */
final class ProcessExec {

    private static final int TAIL = 1 << 20;
    private static final int COMMAND_NOT_FOUND = 127;

    private final List<String> command;
    private final Path workdir;
    private final java.util.Map<String, String> env;
    private final Duration timeout;

    /** @param env the command's whole environment: nothing is inherited from the platform */
    ProcessExec(List<String> command, Path workdir, java.util.Map<String, String> env, Duration timeout) {
        this.command = command;
        this.workdir = workdir;
        this.env = env;
        this.timeout = timeout;
    }

    ExecResult run(OutputListener listener) {
        long started = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workdir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            // as a shell would: the command could not be run at all
            return new ExecResult(
                    COMMAND_NOT_FOUND,
                    "",
                    "cannot run " + command.get(0) + " in " + workdir + ": " + e.getMessage(),
                    0,
                    false);
        }
        OutputTail stdout = new OutputTail(TAIL);
        OutputTail stderr = new OutputTail(TAIL);
        Thread out = pump(process.getInputStream(), OutputListener.Stream.STDOUT, stdout, listener);
        Thread err = pump(process.getErrorStream(), OutputListener.Stream.STDERR, stderr, listener);
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessTree.stop(process.toHandle());
            }
            out.join(2_000);
            err.join(2_000);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new ExecResult(
                    finished ? process.exitValue() : -1, stdout.toString(), stderr.toString(), millis, !finished);
        } catch (InterruptedException e) {
            ProcessTree.stop(process.toHandle());
            Thread.currentThread().interrupt();
            return new ExecResult(-1, stdout.toString(), stderr.toString(), 0, true);
        }
    }

    private static Thread pump(
            InputStream stream, OutputListener.Stream kind, OutputTail tail, OutputListener listener) {
        Thread thread = new Thread(
                () -> copy(stream, kind, tail, listener), "exec-" + kind.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(InputStream stream, OutputListener.Stream kind, OutputTail tail, OutputListener listener) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) > 0; ) {
                String text = new String(buffer, 0, n);
                tail.append(text);
                listener.onOutput(kind, text);
            }
        } catch (IOException e) {
            // the process ended and closed its end; what was read is kept
        }
    }
}
