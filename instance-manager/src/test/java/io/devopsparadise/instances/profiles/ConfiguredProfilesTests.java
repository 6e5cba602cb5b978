package io.devopsparadise.instances.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.instances.runtime.LaunchSpec;
import io.devopsparadise.instances.runtime.docker.ContainerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The profiles as application.yml configures them. Serena cannot run on this machine (its image cannot be
 * pulled), so its profile is checked through the container spec and command the docker engine would be given.
 */
class ConfiguredProfilesTests {

    private static BackendProfiles profiles;

    @BeforeAll
    static void bindApplicationYaml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        profiles = new BackendProfiles(
                Binder.get(environment).bindOrCreate("paradise.instances", InstanceProperties.class));
    }

    private static LaunchSpec launch(String profile, Map<String, Integer> ports) {
        return new LaunchSpec(
                "0123456789abcdef",
                "alice",
                "install-1",
                profiles.get(profile),
                Path.of("/tmp"),
                ports,
                Path.of("/data"),
                Path.of("/data/logs/i.log"));
    }

    @Test
    void serenaRunsInAContainerExactlyAsDesigned() {
        ContainerSpec spec = ContainerSpec.of(launch("serena", Map.of("mcp", 8200, "dashboard", 8201)));

        assertThat(spec.image()).isEqualTo("ghcr.io/oraios/serena:latest");
        assertThat(spec.command())
                .containsExactly(
                        "serena",
                        "start-mcp-server",
                        "--transport",
                        "streamable-http",
                        "--host",
                        "0.0.0.0",
                        "--port",
                        "8200",
                        "--project",
                        "/workspace",
                        "--enable-web-dashboard",
                        "True",
                        "--open-web-dashboard",
                        "False");
        assertThat(spec.portBindings()).containsExactlyInAnyOrderEntriesOf(Map.of(8200, 8200, 24282, 8201));
        assertThat(spec.workspaceHostPath()).isEqualTo("/tmp");
        assertThat(spec.workspaceMount()).isEqualTo("/workspace");
        assertThat(spec.labels())
                .containsEntry(ContainerSpec.CLIENT_ID, "alice")
                .containsEntry(ContainerSpec.INSTANCE_ID, "0123456789abcdef")
                .containsEntry(ContainerSpec.INSTALLATION, "install-1")
                .containsEntry(ContainerSpec.MANAGED, "true");
        assertThat(spec.memoryBytes()).isEqualTo(2L << 30);
        assertThat(spec.nanoCpus()).isEqualTo(2_000_000_000L);
        assertThat(spec.pidsLimit()).isEqualTo(1024);
        assertThat(spec.user()).matches("\\d+:\\d+");
        assertThat(spec.name()).isEqualTo("paradise-alice-01234567");
    }

    @Test
    void serenaAsAProcessListensOnTheHostPortInTheWorkspace() {
        LaunchSpec launch = launch("serena", Map.of("mcp", 8200, "dashboard", 8201));

        assertThat(launch.command("/home/dev/project", false))
                .containsSubsequence("--port", "8200")
                .containsSubsequence("--project", "/home/dev/project");
        assertThat(profiles.get("serena").healthCheck().describe()).isEqualTo("MCP initialize :mcp/mcp");
        assertThat(profiles.get("serena").engine()).isEqualTo(EngineChoice.AUTO);
    }

    @Test
    void everythingProfilesRunTheTestServerOnTheLeasedPort() {
        assertThat(launch("everything", Map.of("mcp", 8210)).env("/workspace", true))
                .containsEntry("PORT", "3001");
        assertThat(ContainerSpec.of(launch("everything", Map.of("mcp", 8210))).portBindings())
                .containsEntry(3001, 8210);

        LaunchSpec process = launch("everything-process", Map.of("mcp", 8211));
        assertThat(process.env("/tmp", false)).containsEntry("PORT", "8211");
        assertThat(process.command("/tmp", false)).last().isEqualTo("streamableHttp");
        assertThat(process.command("/tmp", false).get(1))
                .endsWith("@modelcontextprotocol/server-everything/dist/index.js");
    }

    @Test
    void anUnknownProfileListsTheKnown() {
        assertThatThrownBy(() -> profiles.get("nope"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessageContaining("code, code-process, everything, everything-process, serena");
    }

    @Test
    void serenaRequiresAPinnedImageWhileTheTestImagesRunReadOnly() {
        assertThat(profiles.get("serena").requireDigest()).isTrue();
        assertThat(profiles.get("serena").imagePinned()).isFalse();
        assertThat(profiles.get("serena").readOnlyRoot()).isFalse();
        assertThat(profiles.get("everything").requireDigest()).isFalse();
        assertThat(profiles.get("everything").readOnlyRoot()).isTrue();
        assertThat(ContainerSpec.of(launch("everything", Map.of("mcp", 8200))).readOnlyRoot())
                .isTrue();
    }

    @Test
    void aCommandNamingAnUndeclaredPortIsRefusedWithTheReason() {
        var raw = new BackendProfileProperties(
                EngineChoice.PROCESS,
                null,
                List.of("srv", "--port", "{port:admin}"),
                null,
                Map.of("mcp", 0),
                "mcp",
                "/mcp",
                new BackendProfileProperties.HealthCheckProperties("mcp", null, "/"),
                "/workspace",
                null,
                org.springframework.util.unit.DataSize.ofMegabytes(64),
                1,
                64,
                true,
                false,
                java.time.Duration.ofMinutes(10));
        LaunchSpec launch = new LaunchSpec(
                "id-1234567",
                "c",
                "i",
                BackendProfiles.toProfile("odd", raw, EngineChoice.AUTO),
                Path.of("/tmp"),
                Map.of("mcp", 8200),
                Path.of("/d"),
                Path.of("/d/l"));

        assertThatThrownBy(() -> launch.command("/tmp", false))
                .hasMessageContaining("names port 'admin'")
                .hasMessageContaining("[mcp]");
        assertThat(new LaunchSpec(
                                "id-1234567",
                                "c",
                                "i",
                                BackendProfiles.toProfile(
                                        "odd",
                                        new BackendProfileProperties(
                                                EngineChoice.PROCESS,
                                                null,
                                                List.of("echo", "{\"json\":1}", "{clientId}"),
                                                null,
                                                null,
                                                "mcp",
                                                "/mcp",
                                                raw.health(),
                                                "/workspace",
                                                null,
                                                raw.memory(),
                                                1,
                                                64,
                                                true,
                                                false,
                                                raw.warmupTimeout()),
                                        EngineChoice.AUTO),
                                Path.of("/tmp"),
                                Map.of("mcp", 8200),
                                Path.of("/d"),
                                Path.of("/d/l"))
                        .command("/tmp", false))
                .containsExactly("echo", "{\"json\":1}", "c");
    }
}
