package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.runtime.EngineUnavailableException;
import io.devopsparadise.instances.runtime.InstanceRefusedException;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceStartException;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.ManagedUnit;
import io.devopsparadise.instances.runtime.OutputListener;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs each instance as a labelled container on the local Docker engine, on a bridge network without
 * inter-container traffic, with an init process, all capabilities dropped and (where the profile allows) a
 * read-only root filesystem.
 */
@Component
class DockerInstanceRuntime implements InstanceRuntime {

    static final Engine ENGINE = Engine.DOCKER;
    static final String ISOLATION =
            "container: sees only its workspace, on a network where containers cannot reach each other,"
                    + " its ports published on 127.0.0.1 only, all capabilities dropped, no new privileges, memory, CPU and"
                    + " process limits; an unprivileged user unless the profile says otherwise";
    private static final Duration AVAILABILITY_CACHE = Duration.ofSeconds(5);

    private final DockerClient docker;
    private final DockerExec exec;
    private final InstanceNetwork network;
    private final ContainerPolicy policy;
    private final Clock clock;
    private volatile Instant availabilityCheckedAt = Instant.EPOCH;
    private volatile boolean available;

    @Autowired
    DockerInstanceRuntime(DockerClient docker, InstanceProperties properties, Clock clock) {
        this(docker, properties.dockerNetwork(), clock);
    }

    DockerInstanceRuntime(DockerClient docker, String network, Clock clock) {
        this.docker = docker;
        this.exec = new DockerExec(docker);
        this.network = new InstanceNetwork(docker, network);
        this.policy = new ContainerPolicy(docker);
        this.clock = clock;
    }

    @Override
    public Engine engine() {
        return ENGINE;
    }

    @Override
    public String isolation() {
        return ISOLATION;
    }

    @Override
    public boolean isAvailable() {
        Instant now = clock.instant();
        if (now.isAfter(availabilityCheckedAt.plus(AVAILABILITY_CACHE))) {
            available = ping();
            availabilityCheckedAt = now;
        }
        return available;
    }

    /** The engine answers and holds the profile's image (images are never pulled here), pinned where the profile requires it. */
    @Override
    public boolean canRun(BackendProfile profile) {
        if (!isAvailable() || profile.image() == null || (profile.requireDigest() && !profile.imagePinned())) {
            return false;
        }
        try {
            docker.inspectImageCmd(profile.image()).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean ping() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public RuntimeHandle start(LaunchSpec launch) {
        ContainerSpec spec = ContainerSpec.of(launch);
        engineCall("check container " + spec.name(), () -> policy.check(launch.profile(), spec, launch.workspace()));
        String networkName = engineCall("prepare the instance network", () -> network.ensure());
        String id = engineCall("create container " + spec.name(), () -> create(spec, networkName));
        try {
            engineCall(
                    "start container " + spec.name(),
                    () -> docker.startContainerCmd(id).exec());
        } catch (RuntimeException e) {
            removeQuietly(id);
            throw e;
        }
        return new RuntimeHandle(ENGINE, id);
    }

    private String create(ContainerSpec spec, String networkName) {
        Ports ports = new Ports();
        spec.portBindings()
                .forEach((inside, host) -> ports.bind(
                        ExposedPort.tcp(inside), Ports.Binding.bindIpAndPort(ContainerSpec.BIND_ADDRESS, host)));
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(ports)
                .withBinds(new Bind(spec.workspaceHostPath(), new Volume(spec.workspaceMount())))
                .withMemory(spec.memoryBytes())
                .withNanoCPUs(spec.nanoCpus())
                .withPidsLimit(spec.pidsLimit())
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withCapDrop(Capability.ALL)
                .withInit(true)
                .withNetworkMode(networkName);
        if (spec.readOnlyRoot()) {
            host.withReadonlyRootfs(true).withTmpFs(ContainerSpec.TMPFS);
        }
        var cmd = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.envList())
                .withExposedPorts(spec.portBindings().keySet().stream()
                        .map(ExposedPort::tcp)
                        .toList())
                .withWorkingDir(spec.workspaceMount())
                .withHostConfig(host);
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        return cmd.exec().getId();
    }

    @Override
    public boolean isRunning(RuntimeHandle handle) {
        try {
            Boolean running =
                    docker.inspectContainerCmd(handle.ref()).exec().getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw unavailable("inspect container", e);
        }
    }

    @Override
    public RuntimeHandle restart(RuntimeHandle handle, LaunchSpec launch) {
        if (createdWithoutIsolation(handle)) {
            remove(handle);
            return start(launch);
        }
        try {
            engineCall(
                    "restart container",
                    () -> docker.restartContainerCmd(handle.ref())
                            .withTimeout(5)
                            .exec());
            return handle;
        } catch (InstanceStartException e) {
            if (e.getCause() instanceof NotFoundException) {
                return start(launch);
            }
            throw e;
        }
    }

    /** A container of an earlier version, off the instance network or without an init: recreated, not restarted. */
    private boolean createdWithoutIsolation(RuntimeHandle handle) {
        try {
            var host = docker.inspectContainerCmd(handle.ref()).exec().getHostConfig();
            return !network.name().equals(host.getNetworkMode()) || !Boolean.TRUE.equals(host.getInit());
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw unavailable("inspect container " + handle.ref(), e);
        }
    }

    @Override
    public void remove(RuntimeHandle handle) {
        try {
            docker.removeContainerCmd(handle.ref())
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException | NotModifiedException e) {
            // already gone
        } catch (RuntimeException e) {
            throw unavailable("remove container " + handle.ref(), e);
        }
    }

    private void removeQuietly(String id) {
        try {
            remove(new RuntimeHandle(ENGINE, id));
        } catch (RuntimeException ignored) {
            // the start failure is what the caller needs to hear about
        }
    }

    @Override
    public ExecResult exec(
            RuntimeHandle handle, LaunchSpec spec, ExecRequest request, Duration timeout, OutputListener listener) {
        String workdir = request.workdir() == null ? spec.profile().workspaceMount() : request.workdir();
        try {
            return exec.run(handle.ref(), request.command(), workdir, request.env(), timeout, listener);
        } catch (DockerException e) {
            throw new InstanceStartException("exec in container " + handle.ref() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw unavailable("exec in container", e);
        }
    }

    @Override
    public List<ManagedUnit> managedUnits(String installationId) {
        try {
            return docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(
                            java.util.Map.of(ContainerSpec.MANAGED, "true", ContainerSpec.INSTALLATION, installationId))
                    .exec()
                    .stream()
                    .map(DockerInstanceRuntime::toUnit)
                    .toList();
        } catch (RuntimeException e) {
            throw unavailable("list containers", e);
        }
    }

    private static ManagedUnit toUnit(Container container) {
        return new ManagedUnit(
                container.getLabels().get(ContainerSpec.INSTANCE_ID),
                container.getLabels().get(ContainerSpec.CLIENT_ID),
                new RuntimeHandle(ENGINE, container.getId()),
                "running".equals(container.getState()));
    }

    private <T> T engineCall(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (InstanceRefusedException e) {
            throw e;
        } catch (DockerException e) {
            throw new InstanceStartException(
                    "Docker could not " + what + ": " + e.getMessage().strip(), e);
        } catch (RuntimeException e) {
            throw unavailable(what, e);
        }
    }

    private void engineCall(String what, Runnable call) {
        engineCall(what, () -> {
            call.run();
            return null;
        });
    }

    private EngineUnavailableException unavailable(String what, RuntimeException e) {
        availabilityCheckedAt = Instant.EPOCH;
        return new EngineUnavailableException(ENGINE, what + " failed: " + e.getMessage(), e);
    }
}
