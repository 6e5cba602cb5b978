package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCredentialTests {

    @TempDir
    Path dir;

    @Test
    void onlyTheBearerOfTheTokenIsAccepted() {
        ServiceCredential credential = ServiceCredential.from(dir.resolve("service-token"));
        String token = credential.authorization().substring("Bearer ".length());

        assertThat(credential.accepts("Bearer " + token)).isTrue();
        assertThat(credential.accepts("bearer " + token)).isTrue();
        assertThat(credential.accepts("Bearer " + token + "x")).isFalse();
        assertThat(credential.accepts("Basic " + token)).isFalse();
        assertThat(credential.accepts("Bearer ")).isFalse();
        assertThat(credential.accepts(null)).isFalse();
        assertThat(credential.toString()).doesNotContain(token);
    }

    @Test
    void everyPathNeedsTheCredentialButTheHealthEndpoints() {
        ProtectedPaths paths = new ProtectedPaths(
                List.of("/**"), List.of("/actuator/health", "/actuator/health/**", "/v3/api-docs/**"));

        assertThat(paths.needCredential("/api/instances/x/exec")).isTrue();
        assertThat(paths.needCredential("/actuator/prometheus")).isTrue();
        assertThat(paths.needCredential("/actuator/healthy")).isTrue();
        assertThat(paths.needCredential("/")).isTrue();
        assertThat(paths.needCredential("/actuator/health")).isFalse();
        assertThat(paths.needCredential("/actuator/health/liveness")).isFalse();
    }

    @Test
    void theDashboardProtectsOnlyItsActuator() {
        ProtectedPaths paths = new ProtectedPaths(List.of("/actuator/**"), List.of("/actuator/health"));

        assertThat(paths.needCredential("/runs/1")).isFalse();
        assertThat(paths.needCredential("/actuator/prometheus")).isTrue();
        assertThat(paths.needCredential("/actuator/health")).isFalse();
    }
}
