package io.devopsparadise.instances.runtime.process;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.runtime.InstanceEnvironment;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceStartException;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.ManagedUnit;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.ProcessTree;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import io.devopsparadise.security.PortHolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Runs each instance as a local process with the workspace as working directory and its output appended to
 * a log file. The handle records the pid and the start time, so a reused pid is never mistaken for ours.
 * Processes get an allow-listed environment, but run as the platform's user: see {@link #isolation()}.
 */
@Component
class ProcessInstanceRuntime implements InstanceRuntime {

    static final Engine ENGINE = Engine.PROCESS;
    static final String ISOLATION =
            "none: a process instance runs as the platform's own user and can read and write every"
                    + " file that user can, including other clients' workspaces and the platform's data directory; only its"
                    + " environment is restricted. An installation shared by several developers must use Docker profiles.";

    private final InstanceEnvironment environment;

    ProcessInstanceRuntime(InstanceEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Engine engine() {
        return ENGINE;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String isolation() {
        return ISOLATION;
    }

    /** A program named by its path must be there (the code backend's Node 22 comes with its npm packages). */
    @Override
    public boolean canRun(BackendProfile profile) {
        if (profile.command().isEmpty()) {
            return false;
        }
        Path program = Path.of(profile.command().get(0));
        return !program.isAbsolute() || Files.isExecutable(program);
    }

    @Override
    public RuntimeHandle start(LaunchSpec spec) {
        List<String> command = spec.command(spec.workspace().toString(), false);
        if (command.isEmpty()) {
            throw new InstanceStartException(
                    "profile " + spec.profile().name() + " has no command; it cannot run as a process", null);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workspace().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(spec).toFile()));
        environment.applyTo(builder, spec.env(spec.workspace().toString(), false));
        try {
            return handleOf(builder.start().toHandle());
        } catch (IOException e) {
            throw new InstanceStartException(
                    "Could not start " + command.get(0) + " for profile "
                            + spec.profile().name() + ": " + e.getMessage(),
                    e);
        }
    }

    private static Path logFile(LaunchSpec spec) {
        try {
            Files.createDirectories(spec.logFile().getParent());
            return spec.logFile();
        } catch (IOException e) {
            throw new InstanceStartException(
                    "Cannot create the log directory " + spec.logFile().getParent() + ": " + e.getMessage(), e);
        }
    }

    static RuntimeHandle handleOf(ProcessHandle process) {
        long started = process.info()
                .startInstant()
                .map(java.time.Instant::toEpochMilli)
                .orElse(0L);
        return new RuntimeHandle(ENGINE, "pid:" + process.pid() + ":" + started);
    }

    /** The live process the handle names, if it still runs and is the one we started. */
    static Optional<ProcessHandle> find(RuntimeHandle handle) {
        String[] parts = handle.ref().split(":");
        if (parts.length != 3 || !parts[0].equals("pid")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(parts[1]))
                .filter(ProcessHandle::isAlive)
                .filter(p -> handleOf(p).equals(handle));
    }

    @Override
    public boolean isRunning(RuntimeHandle handle) {
        return find(handle).isPresent();
    }

    @Override
    public RuntimeHandle restart(RuntimeHandle handle, LaunchSpec spec) {
        remove(handle);
        return start(spec);
    }

    @Override
    public void remove(RuntimeHandle handle) {
        find(handle).ifPresent(ProcessTree::stop);
    }

    /** Any port in the range is open to every local user: a program may bind the instance's before it does. */
    @Override
    public Map<Integer, PortHolders.Holder> portHolders(RuntimeHandle handle, Map<String, Integer> ports) {
        Optional<ProcessHandle> process = find(handle);
        Map<Integer, PortHolders.Holder> holders = new TreeMap<>();
        ports.values().forEach(port -> holders.put(port, PortHolders.of(port, process)));
        return holders;
    }

    @Override
    public ExecResult exec(
            RuntimeHandle handle, LaunchSpec spec, ExecRequest request, Duration timeout, OutputListener listener) {
        Path workdir = WorkingDirectory.inside(spec.workspace(), request.workdir());
        var env = environment.with(spec.env(spec.workspace().toString(), false), request.env());
        return new ProcessExec(request.command(), workdir, env, timeout).run(listener);
    }

    /** Processes cannot be found by label; the manager's database is their only record. */
    @Override
    public List<ManagedUnit> managedUnits(String installationId) {
        return List.of();
    }
}
