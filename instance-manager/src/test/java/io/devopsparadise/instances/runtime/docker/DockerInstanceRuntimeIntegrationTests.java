package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.devopsparadise.instances.health.HealthChecks;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.EngineChoice;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimeContract;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.ManagedUnit;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against the local Docker engine and the test image built by docker/test-images/server-everything/build.sh. */
class DockerInstanceRuntimeIntegrationTests extends InstanceRuntimeContract {

    static final String IMAGE = System.getenv().getOrDefault("PARADISE_EVERYTHING_IMAGE", "paradise-test/server-everything:latest");
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        docker = new DockerClientConfiguration().dockerClient("");
    }

    @AfterAll
    static void disconnect() throws Exception {
        docker.close();
    }

    @Override
    protected InstanceRuntime createRuntime() {
        return new DockerInstanceRuntime(docker, Clock.systemUTC());
    }

    @Override
    protected BackendProfile everythingProfile() {
        return new BackendProfile("everything", EngineChoice.DOCKER, IMAGE, List.of("streamableHttp"),
                Map.of("PORT", "{containerPort:mcp}"), Map.of("mcp", 3001), "mcp", "/mcp",
                HealthChecks.mcpInitialize("mcp", "/mcp"), "/workspace", "65534:65534",
                new ResourceLimits(256L << 20, 500_000_000L, 128));
    }

    @Override
    protected void killFromOutside(RuntimeHandle handle) {
        docker.killContainerCmd(handle.ref()).exec();
    }

    @Test
    void containerIsLabelledLockedDownAndPublishedOnLoopbackOnly() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        InspectContainerResponse container = docker.inspectContainerCmd(handle.ref()).exec();
        var host = container.getHostConfig();
        assertThat(container.getConfig().getLabels())
                .containsEntry(ContainerSpec.INSTANCE_ID, spec.instanceId())
                .containsEntry(ContainerSpec.CLIENT_ID, spec.clientId())
                .containsEntry(ContainerSpec.INSTALLATION, installationId);
        assertThat(host.getMemory()).isEqualTo(256L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(128L);
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
        assertThat(host.getBinds()[0].getPath()).isEqualTo(workspace.toString());
        assertThat(host.getBinds()[0].getVolume().getPath()).isEqualTo("/workspace");
        Ports.Binding[] binding = host.getPortBindings().getBindings().get(ExposedPort.tcp(3001));
        assertThat(binding).hasSize(1);
        assertThat(binding[0].getHostIp()).isEqualTo("127.0.0.1");
        assertThat(binding[0].getHostPortSpec()).isEqualTo(String.valueOf(spec.mcpPort()));
    }

    @Test
    void managedUnitsFindOurContainersByLabel() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        assertThat(runtime.managedUnits(installationId))
                .containsExactly(new ManagedUnit(spec.instanceId(), spec.clientId(), handle, true));
    }
}
