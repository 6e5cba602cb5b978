package io.devopsparadise.instances.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceEnvironmentTests {

    private final InstanceEnvironment environment = new InstanceEnvironment("/usr/bin:/bin", Map.of(
            "PATH", "/home/op/.secret-tools/bin:/usr/bin", "HOME", "/home/op", "LANG", "C.UTF-8",
            "PARADISE_ADMIN_TOKEN", "pdb_x", "AWS_SECRET_ACCESS_KEY", "k", "LD_PRELOAD", "/evil.so"));

    @Test
    void keepsOnlyTheAllowListWithAFixedPath() {
        assertThat(environment.with()).containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/op", "LANG", "C.UTF-8"));
    }

    @Test
    void layersTheProfileAndTheRequestOnTopInOrder() {
        assertThat(environment.with(Map.of("PORT", "8200", "LANG", "de_DE.UTF-8"), Map.of("PORT", "9000", "CI", "true")))
                .containsEntry("PORT", "9000").containsEntry("LANG", "de_DE.UTF-8").containsEntry("CI", "true")
                .doesNotContainKeys("PARADISE_ADMIN_TOKEN", "AWS_SECRET_ACCESS_KEY", "LD_PRELOAD");
    }

    @Test
    void replacesWhatAProcessBuilderWouldInherit() {
        ProcessBuilder builder = environment.applyTo(new ProcessBuilder("true"), Map.of("PORT", "1"));

        assertThat(builder.environment()).containsOnlyKeys("PATH", "HOME", "LANG", "PORT");
    }
}
