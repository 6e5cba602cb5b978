package io.devopsparadise.instances.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.devopsparadise.instances.health.HealthChecks;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.EngineChoice;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.InstanceRefusedException;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimeContract;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.ManagedUnit;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs against the local Docker engine and the test image built by docker/test-images/server-everything/build.sh. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DockerInstanceRuntimeIntegrationTests extends InstanceRuntimeContract {

    static final String IMAGE =
            System.getenv().getOrDefault("PARADISE_EVERYTHING_IMAGE", "paradise-test/server-everything:latest");
    static final String NETWORK = "paradise-instances";
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
        return new DockerInstanceRuntime(docker, NETWORK, Clock.systemUTC());
    }

    @Override
    protected BackendProfile everythingProfile() {
        return new BackendProfile(
                "everything",
                EngineChoice.DOCKER,
                IMAGE,
                List.of("streamableHttp"),
                Map.of("PORT", "{containerPort:mcp}"),
                Map.of("mcp", 3001),
                "mcp",
                "/mcp",
                HealthChecks.mcpInitialize("mcp", "/mcp"),
                "/workspace",
                "65534:65534",
                new ResourceLimits(256L << 20, 500_000_000L, 128),
                true,
                false,
                Duration.ofMinutes(10));
    }

    @Override
    protected void killFromOutside(RuntimeHandle handle) {
        docker.killContainerCmd(handle.ref()).exec();
    }

    @Test
    void aStartedContainerIsConfiguredFromItsLaunchSpec() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        InspectContainerResponse container =
                docker.inspectContainerCmd(handle.ref()).exec();
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
    void aStartedContainerRunsSandboxedUnderAnInit() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        var host = docker.inspectContainerCmd(handle.ref()).exec().getHostConfig();
        assertThat(host.getInit()).isTrue();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsKey("/tmp");
        assertThat(host.getNetworkMode()).isEqualTo(NETWORK);
        assertThat(docker.inspectNetworkCmd().withNetworkId(NETWORK).exec().getOptions())
                .containsEntry(InstanceNetwork.ICC, "false");
        String write = "const fs=require('fs'); fs.writeFileSync('/tmp/ok','x');"
                + " try { fs.writeFileSync('/etc/planted','x'); console.log('root writable') } catch (e) { console.log(e.code) }";
        var result = runtime.exec(
                handle,
                spec,
                new io.devopsparadise.contracts.instances.ExecRequest(List.of("node", "-e", write), null, null),
                java.time.Duration.ofSeconds(20),
                io.devopsparadise.instances.runtime.OutputListener.NONE);
        assertThat(result.stdout()).contains("EROFS").doesNotContain("root writable");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aContainerOfAnEarlierVersionOffTheInstanceNetworkIsRecreatedAtItsRestart() {
        LaunchSpec spec = launchSpec();
        String legacyNetwork = "paradise-legacy-" + spec.instanceId().substring(0, 8);
        DockerInstanceRuntime earlier = new DockerInstanceRuntime(docker, legacyNetwork, Clock.systemUTC());
        RuntimeHandle old = earlier.start(spec);
        RuntimeHandle restarted = null;
        try {
            restarted = runtime.restart(old, spec);

            assertThat(restarted.ref()).isNotEqualTo(old.ref());
            assertThat(docker.inspectContainerCmd(restarted.ref())
                            .exec()
                            .getHostConfig()
                            .getNetworkMode())
                    .isEqualTo(NETWORK);
            assertThat(runtime.isRunning(old)).isFalse();
            awaitServing(spec);
        } finally {
            if (restarted != null) {
                runtime.remove(restarted);
            }
            earlier.remove(old);
            docker.removeNetworkCmd(legacyNetwork).exec();
        }
    }

    @Test
    void aProfileRequiringADigestRefusesAnImageNamedByTag() {
        BackendProfile profile = everythingProfile();
        BackendProfile unpinned = new BackendProfile(
                profile.name(),
                profile.engine(),
                IMAGE,
                profile.command(),
                profile.env(),
                profile.ports(),
                profile.mcpPort(),
                profile.mcpPath(),
                profile.healthCheck(),
                profile.workspaceMount(),
                profile.user(),
                profile.limits(),
                true,
                true,
                profile.warmupTimeout());

        assertThatThrownBy(() -> start(withProfile(launchSpec(), unpinned)))
                .isInstanceOf(InstanceRefusedException.class)
                .hasMessageContaining("requires an image pinned by digest")
                .hasMessageContaining(IMAGE);
    }

    @Test
    void aRootContainerOnARootOwnedWorkspaceIsRefusedWithTheReason() throws Exception {
        assertThat(java.nio.file.Files.getAttribute(workspace, "unix:uid"))
                .as("this test needs a root-owned workspace")
                .isEqualTo(0);
        BackendProfile profile = everythingProfile();
        for (String user : new String[] {ContainerSpec.WORKSPACE_OWNER, "0:0", null}) {
            BackendProfile asRoot = new BackendProfile(
                    profile.name(),
                    profile.engine(),
                    IMAGE,
                    profile.command(),
                    profile.env(),
                    profile.ports(),
                    profile.mcpPort(),
                    profile.mcpPath(),
                    profile.healthCheck(),
                    profile.workspaceMount(),
                    user,
                    profile.limits(),
                    true,
                    false,
                    profile.warmupTimeout());

            assertThatThrownBy(() -> start(withProfile(launchSpec(), asRoot)))
                    .as("user %s", user)
                    .isInstanceOf(InstanceRefusedException.class)
                    .hasMessageContaining("is owned by root")
                    .hasMessageContaining("would run its container as root");
        }
    }

    private static LaunchSpec withProfile(LaunchSpec spec, BackendProfile profile) {
        return new LaunchSpec(
                spec.instanceId(),
                spec.clientId(),
                spec.installationId(),
                profile,
                spec.workspace(),
                spec.ports(),
                spec.dataDir(),
                spec.logFile());
    }

    @Test
    void managedUnitsFindOurContainersByLabel() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        assertThat(runtime.managedUnits(installationId))
                .containsExactly(new ManagedUnit(spec.instanceId(), spec.clientId(), handle, true));
    }
}
