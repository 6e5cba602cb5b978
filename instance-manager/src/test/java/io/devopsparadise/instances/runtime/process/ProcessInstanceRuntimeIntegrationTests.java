package io.devopsparadise.instances.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.instances.health.HealthChecks;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.EngineChoice;
import io.devopsparadise.instances.profiles.ResourceLimits;
import io.devopsparadise.instances.runtime.InstanceEnvironment;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimeContract;
import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.RuntimeHandle;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProcessInstanceRuntimeIntegrationTests extends InstanceRuntimeContract {

    @Override
    protected InstanceRuntime createRuntime() {
        return new ProcessInstanceRuntime(new InstanceEnvironment("/usr/local/bin:/usr/bin:/bin", System.getenv()));
    }

    @Override
    protected BackendProfile everythingProfile() {
        String server = RepoPaths.nodeModules()
                .resolve("@modelcontextprotocol/server-everything/dist/index.js")
                .toString();
        return new BackendProfile(
                "everything-process",
                EngineChoice.PROCESS,
                null,
                List.of("node", server, "streamableHttp"),
                Map.of("PORT", "{port}"),
                Map.of("mcp", 0),
                "mcp",
                "/mcp",
                HealthChecks.mcpInitialize("mcp", "/mcp"),
                "/workspace",
                null,
                new ResourceLimits(1L << 30, 1_000_000_000L, 512),
                false,
                false,
                Duration.ofMinutes(10));
    }

    @Override
    protected void killFromOutside(RuntimeHandle handle) {
        ProcessInstanceRuntime.find(handle).orElseThrow().destroyForcibly();
    }

    @Test
    void writesTheInstanceOutputToItsLogFile() throws Exception {
        LaunchSpec spec = launchSpec();
        start(spec);
        awaitServing(spec);

        assertThat(Files.readString(spec.logFile())).contains("Streamable HTTP");
    }

    @Test
    void stopsTheWholeProcessTree() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);
        awaitServing(spec);
        ProcessHandle root = ProcessInstanceRuntime.find(handle).orElseThrow();
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(root);

        runtime.remove(handle);

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void refusesAnExecWorkdirOutsideTheWorkspace() {
        LaunchSpec spec = launchSpec();
        RuntimeHandle handle = start(spec);

        assertThatThrownBy(() -> runtime.exec(
                        handle,
                        spec,
                        new io.devopsparadise.contracts.instances.ExecRequest(List.of("ls"), "../..", null),
                        java.time.Duration.ofSeconds(5),
                        io.devopsparadise.instances.runtime.OutputListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the workspace");
    }
}
