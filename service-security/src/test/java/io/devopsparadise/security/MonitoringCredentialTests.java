package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringCredentialTests {

    @TempDir
    Path dir;

    @Test
    void itsBearerReadsTheMonitoringPathsOnly() throws Exception {
        MonitoringCredential monitoring = MonitoringCredential.from(
                dir.resolve("monitoring-token"), List.of("GET /actuator/prometheus", "POST /api/alerts"));
        String bearer =
                "Bearer " + Files.readString(dir.resolve("monitoring-token")).strip();

        assertThat(monitoring.opens("GET", "/actuator/prometheus", bearer)).isTrue();
        assertThat(monitoring.opens("POST", "/api/alerts", bearer)).isTrue();
        assertThat(monitoring.opens("GET", "/api/alerts", bearer))
                .as("delivers alerts, does not read them")
                .isFalse();
        assertThat(monitoring.opens("DELETE", "/actuator/prometheus", bearer)).isFalse();
        assertThat(monitoring.opens("GET", "/api/instances", bearer)).isFalse();
        assertThat(monitoring.opens("GET", "/actuator/metrics", bearer)).isFalse();
        assertThat(monitoring.opens("GET", "/actuator/prometheus/../../api/instances", bearer))
                .as("matched on the path as routed, segment by segment")
                .isFalse();
        assertThat(monitoring.opens("GET", "/actuator/prometheus", bearer + "x"))
                .isFalse();
        assertThat(monitoring.opens("GET", "/actuator/prometheus", null)).isFalse();
    }

    @Test
    void itIsNotTheServiceCredential() throws Exception {
        ServiceCredential service = ServiceCredential.from(dir.resolve("service-token"));
        MonitoringCredential monitoring =
                MonitoringCredential.from(dir.resolve("monitoring-token"), List.of("GET /actuator/prometheus"));

        assertThat(Files.readString(dir.resolve("monitoring-token"))).startsWith("pdm_");
        assertThat(monitoring.opens("GET", "/actuator/prometheus", service.authorization()))
                .isFalse();
        assertThat(service.accepts("Bearer "
                        + Files.readString(dir.resolve("monitoring-token")).strip()))
                .isFalse();
    }

    @Test
    void aLinkPlantedWhereTheTokenFileBelongsIsRefused() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("attacker-chosen"), "pdm_planted-token-0123456789abcdef");
        Files.createSymbolicLink(dir.resolve("monitoring-token"), elsewhere);

        assertThatThrownBy(() -> MonitoringCredential.from(dir.resolve("monitoring-token"), List.of("GET /metrics")))
                .isInstanceOf(InsecureFileException.class);
    }
}
