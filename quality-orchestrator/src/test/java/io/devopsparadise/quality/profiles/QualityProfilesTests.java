package io.devopsparadise.quality.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.contracts.quality.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityProfilesTests {

    private static QualityProperties.ProfileProperties raw(
            List<String> categories, double coverage, Map<String, Integer> max) {
        return new QualityProperties.ProfileProperties(
                categories,
                Duration.ofMinutes(1),
                coverage,
                max,
                null,
                0,
                false,
                null,
                0,
                true,
                false,
                false,
                false,
                false);
    }

    private static QualityProfiles standardOnly() {
        return new QualityProfiles(new QualityProperties(
                null,
                java.time.Duration.ofDays(7),
                null,
                null,
                null,
                "/usr/bin/python3",
                "/workspace",
                null,
                "/app/node_modules",
                "/usr/bin/chromium",
                "mvn",
                null,
                null,
                2,
                2,
                32,
                org.springframework.util.unit.DataSize.ofMegabytes(64),
                null,
                Map.of("standard", raw(List.of("unit", "lint"), 0.6, Map.of("high", 0, "Medium", 3))),
                null,
                java.time.Duration.ofSeconds(5)));
    }

    @Test
    void defaultsToStandard() {
        assertThat(standardOnly().get(null).name()).isEqualTo("standard");
    }

    @Test
    void convertsLimitsToSeverities() {
        assertThat(standardOnly().get(null).maxFindings())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, 0, Severity.MEDIUM, 3));
    }

    @Test
    void anUnknownProfileIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> standardOnly().get("nope"))
                .hasMessageContaining("Unknown quality profile 'nope'; known profiles: standard");
    }

    @Test
    void refusesProfilesThatCannotWork() {
        assertThatThrownBy(() -> QualityProfiles.toProfile("x", raw(List.of(), 0, null)))
                .hasMessageContaining("names no categories");
        assertThatThrownBy(() -> QualityProfiles.toProfile("x", raw(List.of("unit", "vibes"), 0, null)))
                .hasMessageContaining("unknown category 'vibes'");
        assertThatThrownBy(() -> QualityProfiles.toProfile("x", raw(List.of("unit"), 1.5, null)))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> QualityProfiles.toProfile("x", raw(List.of("unit"), 0, Map.of("severe", 1))))
                .hasMessageContaining("unknown severity 'severe'");
    }
}
