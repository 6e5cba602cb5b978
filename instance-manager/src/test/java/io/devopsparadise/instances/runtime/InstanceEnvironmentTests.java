package io.devopsparadise.instances.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.instances.profiles.BackendProfileProperties;
import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.EngineChoice;
import io.devopsparadise.instances.profiles.InstanceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class InstanceEnvironmentTests {

    private final InstanceEnvironment environment = new InstanceEnvironment(
            "/usr/bin:/bin",
            Map.of(
                    "PATH",
                    "/home/op/.secret-tools/bin:/usr/bin",
                    "HOME",
                    "/home/op",
                    "LANG",
                    "C.UTF-8",
                    "PARADISE_ADMIN_TOKEN",
                    "pdb_x",
                    "AWS_SECRET_ACCESS_KEY",
                    "k",
                    "LD_PRELOAD",
                    "/evil.so"));

    @Test
    void keepsOnlyTheAllowListWithAFixedPath() {
        assertThat(environment.with())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/op", "LANG", "C.UTF-8"));
    }

    private Map<String, String> layered() {
        return environment.with(Map.of("PORT", "8200", "LANG", "de_DE.UTF-8"), Map.of("PORT", "9000", "CI", "true"));
    }

    @Test
    void layersTheRequestOverTheProfileOverTheAllowList() {
        assertThat(layered())
                .containsEntry("PORT", "9000")
                .containsEntry("LANG", "de_DE.UTF-8")
                .containsEntry("CI", "true");
    }

    @Test
    void aLayeredEnvironmentStillLeavesOutWhatTheAllowListDrops() {
        assertThat(layered()).doesNotContainKeys("PARADISE_ADMIN_TOKEN", "AWS_SECRET_ACCESS_KEY", "LD_PRELOAD");
    }

    @Test
    void addsWhereTheProcessProfilesProgramsAreFoundOnThePlatformsPath(@TempDir Path nvm) throws Exception {
        Files.createFile(nvm.resolve("node")).toFile().setExecutable(true);
        var server = new BackendProfileProperties(
                EngineChoice.PROCESS,
                null,
                List.of("node", "server.js"),
                null,
                null,
                "mcp",
                "/mcp",
                new BackendProfileProperties.HealthCheckProperties("mcp", null, "/"),
                "/workspace",
                null,
                DataSize.ofMegabytes(64),
                1,
                64,
                true,
                false,
                java.time.Duration.ofMinutes(10));
        var profiles = new BackendProfiles(new InstanceProperties(
                Path.of("/tmp"),
                8200,
                8299,
                50,
                "server",
                EngineChoice.AUTO,
                List.of(Path.of("/tmp")),
                null,
                List.of(),
                false,
                "/usr/bin:/bin",
                "paradise-instances",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of("server", server)));

        assertThat(InstanceEnvironment.withProgramDirectories(
                        "/usr/bin:/bin", profiles, "/secret/bin:" + nvm + ":/usr/bin"))
                .isEqualTo("/usr/bin:/bin:" + nvm);
    }

    @Test
    void replacesWhatAProcessBuilderWouldInherit() {
        ProcessBuilder builder = environment.applyTo(new ProcessBuilder("true"), Map.of("PORT", "1"));

        assertThat(builder.environment()).containsOnlyKeys("PATH", "HOME", "LANG", "PORT");
    }
}
